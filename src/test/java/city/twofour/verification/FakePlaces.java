package city.twofour.verification;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Places from maps, for checking declarations and results without a database. */
class FakePlaces implements Places {

    final Map<String, Place> addresses = new HashMap<>();
    final Map<String, Place> records = new HashMap<>();
    final Map<String, Place> gridNames = new HashMap<>();

    FakePlaces address(String text, Place place) {
        addresses.put(text, place);
        return this;
    }

    FakePlaces record(String entity, String key, Place place) {
        records.put(entity + ":" + key, place);
        return this;
    }

    @Override
    public Optional<Place> ofAddress(String text) {
        return Optional.ofNullable(addresses.get(text));
    }

    @Override
    public Optional<Place> ofRecord(String entity, String key) {
        return Optional.ofNullable(records.get(entity + ":" + key));
    }

    @Override
    public Optional<Place> ofGridNamedIn(String text) {
        return gridNames.entrySet().stream().filter(e -> text.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    @Override
    public Optional<String> gridAt(double lon, double lat) {
        return Optional.of("441900006001001");
    }
}
