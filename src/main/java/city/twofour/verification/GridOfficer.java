package city.twofour.verification;

import city.twofour.feed.SourceRecord;

/** A grid officer as the delivered roster lists them. */
public record GridOfficer(SourceRecord source, String code, String name, String gridCode, String phone, String role) {
}
