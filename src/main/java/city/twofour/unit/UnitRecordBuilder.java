package city.twofour.unit;

import java.time.LocalDate;
import java.util.Map;

import city.twofour.address.AddressMatch;
import city.twofour.address.AddressMatcher;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Standardises a delivered unit row: the credit code gives the kind, the name is normalised, the registered address
 * (住所) is matched against the standard address library. A row with neither a credit code nor a name cannot be
 * matched to anything and is rejected.
 */
public class UnitRecordBuilder implements ItemProcessor<PendingRecord, DeliveredUnit> {

    private final AddressMatcher addresses;
    private final Map<String, Integer> feedPriorities;

    /** @param feedPriorities feed name → its rank as a source of units, 1 = most trusted */
    public UnitRecordBuilder(AddressMatcher addresses, Map<String, Integer> feedPriorities) {
        this.addresses = addresses;
        this.feedPriorities = Map.copyOf(feedPriorities);
    }

    @Override
    public DeliveredUnit process(PendingRecord row) {
        CreditCode creditCode = row.text("credit_code") == null ? null : CreditCode.parse(row.text("credit_code"));
        String name = UnitNames.normalise(row.text("name"));
        if (name == null) {
            throw new RejectedRecordException("name", RejectReason.MISSING_REQUIRED_FIELD, "a unit needs its name");
        }
        String addressText = row.text("address");
        AddressMatch match = addressText == null ? null : addresses.match(addressText);
        boolean matched = match != null && match.isMatched();
        String established = row.text("established_on");
        return new DeliveredUnit(row, creditCode == null ? null : creditCode.value(), name, UnitNames.key(name),
                creditCode == null ? null : UnitKind.of(creditCode), row.text("legal_representative"), addressText,
                matched ? match.code() : null, matched ? match.confidence() : 0,
                established == null ? null : LocalDate.parse(established), "closed".equals(row.text("status")),
                row.text("phone"), feedPriorities.getOrDefault(row.feed(), Integer.MAX_VALUE));
    }
}
