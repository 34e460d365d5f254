package city.twofour.address;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import city.twofour.address.AddressMatch.Reason;
import city.twofour.address.internal.ChineseCharacters;
import city.twofour.grid.LonLat;

/**
 * Matches free-text addresses to the standard address library ({@link AddressIndex}).
 * <p>
 * A wrong match is worse than none, so the matcher only descends as far as the library confirms:
 * <ol>
 * <li>The road is looked up in the village the text names. Without a village code, every village
 * whose library has the road is a candidate, restricted to the town if named, and to the villages
 * of that name if a village name was written that the parser could not resolve alone.</li>
 * <li>If the village has no road of that name but one of the village's name followed by it, that is the road:
 * {@code 柏洲边新村一巷} is read as village {@code 柏洲边} and road {@code 新村1巷}, the library's road is
 * {@code 柏洲边新村1巷}.</li>
 * <li>Otherwise a road of the same village one character away is
 * accepted: a homophone ({@link #HOMOPHONE_PENALTY}) or look-alike ({@link #LOOK_ALIKE_PENALTY})
 * substitution, or any other single insertion, deletion or substitution ({@link #OTHER_EDIT_PENALTY});
 * never a change of the last character (路 → 街 is another road), and never for a road name the
 * library has in another village (the text names a real road). Two roads equally near is
 * {@link Reason#AMBIGUOUS}: the match stays at the village.</li>
 * <li>Below the road, door, building, unit and room are followed as far as the library has them.
 * A component not in the library (or retired) stops the descent and the match stays at the
 * level above ({@link Reason#FELL_BACK}): a missing room gives the building, never another room. So does a
 * component that several active entries of different codes share in full (a village with two roads of one
 * name): the text cannot tell them apart.</li>
 * <li>Several candidate villages: the one reaching deepest wins ({@link #DECIDED_BY_DEPTH_PENALTY});
 * if several reach equally deep, the coordinates (if given) pick the one nearest, provided it is
 * within {@link #TIE_BREAK_MAX_DISTANCE_METRES} and at least {@link #TIE_BREAK_MIN_MARGIN_METRES}
 * nearer than the next; otherwise {@link Reason#AMBIGUOUS} with no code.</li>
 * <li>Confidence starts at 1 and loses the penalties above, {@link #VILLAGE_NOT_GIVEN_PENALTY} when
 * the village was not written, {@link #UNPARSED_PENALTY} when some text could not be placed, and
 * {@link #FAR_FROM_COORDINATES_PENALTY} when the given coordinates lie more than
 * {@link #FAR_DISTANCE_METRES} from the matched address. Below the threshold nothing is returned
 * ({@link Reason#LOW_CONFIDENCE}).</li>
 * </ol>
 * Coordinates are CGCS2000; convert web-map coordinates first ({@link city.twofour.grid.CoordinateTransform}).
 */
public final class AddressMatcher {

    /** Default lowest confidence at which a match is returned. */
    public static final double DEFAULT_THRESHOLD = 0.6;

    public static final double HOMOPHONE_PENALTY = 0.15;
    public static final double LOOK_ALIKE_PENALTY = 0.15;
    public static final double OTHER_EDIT_PENALTY = 0.3;
    public static final double VILLAGE_NOT_GIVEN_PENALTY = 0.05;
    public static final double DECIDED_BY_DEPTH_PENALTY = 0.1;
    public static final double DECIDED_BY_DISTANCE_PENALTY = 0.05;
    public static final double UNPARSED_PENALTY = 0.05;
    public static final double FAR_FROM_COORDINATES_PENALTY = 0.3;

    /** Coordinates farther than this from the matched address lower the confidence. */
    public static final double FAR_DISTANCE_METRES = 1000;

    /** A tie between villages is broken by coordinates only if the nearest is within this distance. */
    public static final double TIE_BREAK_MAX_DISTANCE_METRES = 1000;

    /** ... and at least this much nearer than the next. */
    public static final double TIE_BREAK_MIN_MARGIN_METRES = 100;

    private static final String[] LEVEL_WORDS = {"", "road", "door", "building", "unit", "room"};
    private static final String[] LEVEL_SUFFIX = {"", "", "号", "栋", "单元", "室"};
    private static final MatchLevel[] LEVEL_OF_DEPTH = {MatchLevel.VILLAGE, MatchLevel.ROAD, MatchLevel.DOOR,
            MatchLevel.BUILDING, MatchLevel.BUILDING, MatchLevel.ROOM};

    private final AddressIndex index;
    private final AddressParser parser;
    private final double threshold;

    /** A matcher with Dongguan's parser and the default threshold. */
    public AddressMatcher(AddressIndex index) {
        this(index, new AddressParser(DivisionAliases.dongguan()), DEFAULT_THRESHOLD);
    }

    public AddressMatcher(AddressIndex index, AddressParser parser, double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
        }
        this.index = Objects.requireNonNull(index, "index");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.threshold = threshold;
    }

    /** Matches a free-text address without coordinates. */
    public AddressMatch match(String freeText) {
        return match(parser.parseAddress(freeText), null);
    }

    /** Matches a free-text address; {@code point} (CGCS2000, may be null) breaks ties. */
    public AddressMatch match(String freeText, LonLat point) {
        return match(parser.parseAddress(freeText), point);
    }

    /** Matches a parsed address; {@code point} (CGCS2000, may be null) breaks ties. */
    public AddressMatch match(ParsedAddress p, LonLat point) {
        List<String> why = new ArrayList<>();
        if (!p.unparsed().isEmpty()) {
            why.add("unparsed text: " + p.unparsed());
        }
        if (p.road() == null) {
            if (p.villageCode() != null) {
                why.add("village " + p.village() + " " + p.villageCode() + ": given");
                why.add("no road in the text");
                boolean finer = p.doorNumber() != null || p.building() != null || p.room() != null;
                return finish(p.villageCode(), MatchLevel.VILLAGE, unparsedConfidence(p), p.townCode(),
                        p.villageCode(), finer ? Reason.FELL_BACK : Reason.EXACT, why, p);
            }
            why.add("no village and no road in the text");
            return none(Reason.INSUFFICIENT, why, p);
        }

        List<Candidate> candidates = new ArrayList<>();
        double penalty = 0;
        int roadId = index.roadId(p.road());
        if (p.villageCode() != null) {
            int villageId = index.divisionId(p.villageCode());
            why.add("village " + p.village() + " " + p.villageCode() + ": given");
            if (villageId < 0) {
                why.add("village has no entries in the library");
                return finish(p.villageCode(), MatchLevel.VILLAGE, unparsedConfidence(p), p.townCode(),
                        p.villageCode(), Reason.ROAD_NOT_FOUND, why, p);
            }
            int stemmed = index.roadId(villageStem(p.villageCode()) + p.road());
            if (roadId >= 0 && index.find(AddressIndex.ROAD_DEPTH, key(villageId, roadId)) >= 0) {
                candidates.add(new Candidate(villageId, roadId, 0, "road " + p.road() + ": found"));
            } else if (stemmed >= 0 && index.find(AddressIndex.ROAD_DEPTH, key(villageId, stemmed)) >= 0) {
                candidates.add(new Candidate(villageId, stemmed, 0, "road " + p.road() + ": found as "
                        + index.roadName(stemmed) + ", the village's name begins it"));
            } else {
                List<Candidate> near = roadId >= 0 ? List.of() : nearRoads(villageId, p.road());
                if (near.isEmpty()) {
                    why.add("road " + p.road() + ": not in village" + elsewhere(roadId));
                    return finish(p.villageCode(), MatchLevel.VILLAGE, unparsedConfidence(p), p.townCode(),
                            p.villageCode(), Reason.ROAD_NOT_FOUND, why, p);
                }
                if (near.size() > 1 && near.get(0).penalty == near.get(1).penalty) {
                    why.add("road " + p.road() + ": not in village; equally near: "
                            + near.stream().filter(c -> c.penalty == near.get(0).penalty)
                                    .map(c -> index.roadName(c.roadId)).toList());
                    return finish(p.villageCode(), MatchLevel.VILLAGE, unparsedConfidence(p), p.townCode(),
                            p.villageCode(), Reason.AMBIGUOUS, why, p);
                }
                candidates.add(near.get(0));
            }
        } else {
            if (roadId < 0) {
                why.add("road " + p.road() + ": not in the library (no village given to look for near spellings)");
                return none(Reason.ROAD_NOT_FOUND, why, p);
            }
            Set<String> named = p.village() == null ? null : new HashSet<>(
                    parser.aliases().lookup(p.village()).stream().map(Division::code).toList());
            for (int villageId : index.villagesOfRoad(roadId)) {
                String villageCode = index.divisionCode(villageId);
                boolean inTown = p.townCode() == null || (villageCode != null && villageCode.startsWith(p.townCode()));
                boolean namedAsWritten = named == null || named.isEmpty() || named.contains(villageCode);
                if (inTown && namedAsWritten) {
                    candidates.add(new Candidate(villageId, roadId, 0,
                            "road " + p.road() + ": found in village " + villageName(villageCode)));
                }
            }
            if (candidates.isEmpty()) {
                why.add("road " + p.road() + ": not in town " + p.town());
                return none(Reason.ROAD_NOT_FOUND, why, p);
            }
            why.add("village: not given" + (candidates.size() == 1 ? ", the road is in one village only" : ""));
            penalty += VILLAGE_NOT_GIVEN_PENALTY;
        }

        List<Descent> descents = new ArrayList<>();
        for (Candidate c : candidates) {
            descents.add(descend(c, p));
        }
        Descent chosen;
        if (descents.size() == 1) {
            chosen = descents.get(0);
        } else {
            int deepest = descents.stream().mapToInt(d -> d.depth).max().getAsInt();
            List<Descent> best = descents.stream().filter(d -> d.depth == deepest).toList();
            List<String> names = descents.stream().map(d -> villageName(index.divisionCode(d.candidate.villageId))).toList();
            if (best.size() == 1) {
                chosen = best.get(0);
                penalty += DECIDED_BY_DEPTH_PENALTY;
                why.add("road " + p.road() + " is in villages " + names + "; only "
                        + villageName(index.divisionCode(chosen.candidate.villageId)) + " has the "
                        + LEVEL_WORDS[deepest]);
            } else if (point != null) {
                chosen = nearest(best, point, why);
                if (chosen == null) {
                    why.add("road " + p.road() + " is in villages " + names + "; coordinates do not decide");
                    return none(Reason.AMBIGUOUS, why, p);
                }
                penalty += DECIDED_BY_DISTANCE_PENALTY;
            } else {
                why.add("road " + p.road() + " is in villages " + names + "; give the village or coordinates");
                return none(Reason.AMBIGUOUS, why, p);
            }
        }
        why.add(chosen.candidate.note);
        why.addAll(chosen.notes);
        penalty += chosen.candidate.penalty;

        double confidence = unparsedConfidence(p) - penalty;
        String villageCode = index.divisionCode(chosen.candidate.villageId);
        if (chosen.entry < 0) {
            why.add("the library has no entry for the road itself");
            if (villageCode == null) {
                return none(Reason.FELL_BACK, why, p);
            }
            return finish(villageCode, MatchLevel.VILLAGE, confidence, villageCode.substring(0, Division.TOWN_CODE_LENGTH),
                    villageCode, Reason.FELL_BACK, why, p);
        }
        if (point != null) {
            LonLat at = index.point(chosen.entry);
            if (at != null) {
                double d = at.distanceMetres(point);
                if (d > FAR_DISTANCE_METRES) {
                    confidence -= FAR_FROM_COORDINATES_PENALTY;
                    why.add(String.format("coordinates are %.0f m from the matched address", d));
                }
            }
        }
        return finish(index.code(chosen.entry), chosen.level, confidence, index.townCodeOf(chosen.entry), villageCode,
                chosen.complete ? Reason.EXACT : Reason.FELL_BACK, why, p);
    }

    private AddressMatch finish(String code, MatchLevel level, double confidence, String townCode, String villageCode,
            Reason reason, List<String> why, ParsedAddress p) {
        double c = Math.max(0, Math.min(1, Math.round(confidence * 1000) / 1000.0));
        if (c < threshold) {
            why.add(String.format("confidence %.2f is below the threshold %.2f", c, threshold));
            return new AddressMatch(null, MatchLevel.NONE, c, townCode, villageCode, Reason.LOW_CONFIDENCE, why, p);
        }
        return new AddressMatch(code, level, c, townCode, villageCode, reason, why, p);
    }

    private static AddressMatch none(Reason reason, List<String> why, ParsedAddress p) {
        return new AddressMatch(null, MatchLevel.NONE, 0, p.townCode(), p.villageCode(), reason, why, p);
    }

    private static double unparsedConfidence(ParsedAddress p) {
        return p.unparsed().isEmpty() ? 1.0 : 1.0 - UNPARSED_PENALTY;
    }

    /** Follows door, building, unit and room below a candidate road as far as the library has them. */
    private Descent descend(Candidate c, ParsedAddress p) {
        int[] key = key(c.villageId, c.roadId);
        Descent d = new Descent(c);
        d.depth = AddressIndex.ROAD_DEPTH;
        d.complete = true;
        take(d, index.find(AddressIndex.ROAD_DEPTH, key), AddressIndex.ROAD_DEPTH);
        String[] given = {null, p.road(), p.doorNumber(), p.building(), p.unit(), p.room()};
        int finestGiven = 1;
        for (int depth = 2; depth < given.length; depth++) {
            if (given[depth] != null) {
                finestGiven = depth;
            }
        }
        for (int depth = AddressIndex.DOOR_DEPTH; depth <= finestGiven; depth++) {
            int id = given[depth] == null ? -1 : index.numberId(given[depth]);
            key[depth] = id;
            int found = id == -2 ? -1 : index.find(depth, key);
            if (found < 0) {
                if (given[depth] != null) {
                    d.notes.add(LEVEL_WORDS[depth] + " " + given[depth] + LEVEL_SUFFIX[depth] + ": not in the library"
                            + ", match stays at the " + d.level.name().toLowerCase());
                } else {
                    d.notes.add(LEVEL_WORDS[depth] + ": not given and the library needs it below the "
                            + LEVEL_WORDS[depth - 1]);
                }
                d.complete = false;
                return d;
            }
            d.depth = depth;
            if (given[depth] != null) {
                d.notes.add(LEVEL_WORDS[depth] + " " + given[depth] + LEVEL_SUFFIX[depth] + ": found");
            }
            take(d, found, depth);
        }
        if (p.floor() != null && p.room() == null) {
            d.notes.add("floor " + p.floor() + "层: not a level of the library");
        }
        if (d.level != LEVEL_OF_DEPTH[finestGiven] && !(finestGiven == AddressIndex.UNIT_DEPTH && d.level == MatchLevel.BUILDING)) {
            d.complete = false;
        }
        return d;
    }

    /** Records the entry as the match if it is exactly of this depth and active. */
    private void take(Descent d, int entry, int depth) {
        if (entry < 0 || !index.isExact(entry, depth)) {
            return;
        }
        if (!index.isActive(entry)) {
            d.notes.add(LEVEL_WORDS[depth] + ": the library entry " + index.code(entry) + " is retired");
            d.complete = false;
            return;
        }
        if (index.isAmbiguous(entry)) {
            d.notes.add(LEVEL_WORDS[depth] + ": several library entries have these components, "
                    + index.code(entry) + " among them");
            d.complete = false;
            return;
        }
        d.entry = entry;
        d.level = LEVEL_OF_DEPTH[depth];
    }

    private Descent nearest(List<Descent> best, LonLat point, List<String> why) {
        record Distance(Descent descent, double metres) {
        }
        List<Distance> distances = new ArrayList<>();
        for (Descent d : best) {
            int entry = d.entry >= 0 ? d.entry
                    : index.find(AddressIndex.ROAD_DEPTH, key(d.candidate.villageId, d.candidate.roadId));
            LonLat at = entry < 0 ? null : index.point(entry);
            distances.add(new Distance(d, at == null ? Double.POSITIVE_INFINITY : at.distanceMetres(point)));
        }
        distances.sort(Comparator.comparingDouble(Distance::metres));
        Distance first = distances.get(0);
        double second = distances.size() > 1 ? distances.get(1).metres : Double.POSITIVE_INFINITY;
        if (first.metres > TIE_BREAK_MAX_DISTANCE_METRES || second - first.metres < TIE_BREAK_MIN_MARGIN_METRES) {
            return null;
        }
        why.add(String.format("village %s chosen by coordinates: %.0f m, next %.0f m",
                villageName(index.divisionCode(first.descent.candidate.villageId)), first.metres, second));
        return first.descent;
    }

    private List<Candidate> nearRoads(int villageId, String road) {
        List<Candidate> near = new ArrayList<>();
        for (int roadId : index.roadsOfVillage(villageId)) {
            String name = index.roadName(roadId);
            if (name == null) {
                continue;
            }
            double penalty = editPenalty(road, name);
            if (penalty >= 0) {
                near.add(new Candidate(villageId, roadId, penalty,
                        "road " + road + ": not in village, read as " + name + " (" + editKind(penalty) + ")"));
            }
        }
        near.sort(Comparator.comparingDouble(Candidate::penalty));
        return near;
    }

    /**
     * The penalty for reading {@code given} as {@code library}: one substitution (not of the last
     * character), insertion or deletion; -1 if they differ by more or by the last character.
     */
    static double editPenalty(String given, String library) {
        int n = given.length();
        int m = library.length();
        if (n == m) {
            int diff = -1;
            for (int i = 0; i < n; i++) {
                if (given.charAt(i) != library.charAt(i)) {
                    if (diff >= 0) {
                        return -1;
                    }
                    diff = i;
                }
            }
            if (diff < 0 || diff == n - 1) {
                return -1;
            }
            char a = given.charAt(diff);
            char b = library.charAt(diff);
            if (ChineseCharacters.homophones(a, b)) {
                return HOMOPHONE_PENALTY;
            }
            if (ChineseCharacters.lookAlike(a, b)) {
                return LOOK_ALIKE_PENALTY;
            }
            return OTHER_EDIT_PENALTY;
        }
        if (Math.abs(n - m) != 1 || given.charAt(n - 1) != library.charAt(m - 1)) {
            return -1;
        }
        String shorter = n < m ? given : library;
        String longer = n < m ? library : given;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1)) ? OTHER_EDIT_PENALTY : -1;
    }

    private static String editKind(double penalty) {
        if (penalty == HOMOPHONE_PENALTY) {
            return "homophone";
        }
        return penalty == LOOK_ALIKE_PENALTY ? "look-alike" : "one character different";
    }

    private String elsewhere(int roadId) {
        if (roadId < 0) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (int v : index.villagesOfRoad(roadId)) {
            names.add(villageName(index.divisionCode(v)));
        }
        return " (the library has it in " + names + ")";
    }

    /** The village's name without 社区 or 村 ({@code 柏洲边}), which begins some of its roads ({@code 柏洲边新村1巷}). */
    private String villageStem(String villageCode) {
        String name = villageName(villageCode);
        return name.replaceFirst("(社区|村)$", "");
    }

    private String villageName(String villageCode) {
        return parser.aliases().byCode(villageCode).map(Division::shortName).orElse(String.valueOf(villageCode));
    }

    private static int[] key(int villageId, int roadId) {
        return new int[] {villageId, roadId, -1, -1, -1, -1};
    }

    private record Candidate(int villageId, int roadId, double penalty, String note) {
    }

    private static final class Descent {
        final Candidate candidate;
        final List<String> notes = new ArrayList<>();
        int depth;
        int entry = -1;
        MatchLevel level = MatchLevel.VILLAGE;
        boolean complete;

        Descent(Candidate candidate) {
            this.candidate = candidate;
        }
    }
}
