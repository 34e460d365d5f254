package city.twofour.samples.internal;

import city.twofour.population.CitizenId;
import city.twofour.population.Sex;
import city.twofour.samples.NoiseModel;
import city.twofour.samples.RejectReason;
import city.twofour.samples.Scale;
import city.twofour.samples.internal.Divisions.Town;
import city.twofour.samples.internal.Divisions.Village;
import city.twofour.samples.internal.Entities.AddressParts;
import city.twofour.samples.internal.Entities.Building;
import city.twofour.samples.internal.Entities.BuildingUse;
import city.twofour.samples.internal.Entities.Facility;
import city.twofour.samples.internal.Entities.FacilityType;
import city.twofour.samples.internal.Entities.Person;
import city.twofour.samples.internal.Entities.Road;
import city.twofour.samples.internal.Entities.Room;
import city.twofour.samples.internal.Entities.Unit;
import city.twofour.samples.internal.Entities.UnitKind;
import city.twofour.samples.internal.FeedFile.Spec;
import city.twofour.samples.internal.FeedRows.Truth;
import city.twofour.samples.internal.OperationalMap.Grid;
import city.twofour.unit.CreditCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKTWriter;

/**
 * Generates the truth and the department feeds, one village at a time, streaming every row as
 * it is made. Each village has two random streams seeded from the run seed and the village
 * code: one for the truth (so changing a noise knob never changes the truth) and one for noise.
 */
public final class Generator {

    /** The day the feeds are exported; all dates are relative to it, never to the clock. */
    public static final LocalDate EXPORT_DATE = LocalDate.of(2026, 11, 22);

    /** Per grid at real density, from the Dongguan figures divided by 2,894 grids. */
    static final double BUILDINGS_PER_GRID = 1_430_000.0 / OperationalMap.CITY_GRID_COUNT;
    static final double FACILITIES_PER_GRID = 5_110_000.0 / OperationalMap.CITY_GRID_COUNT;
    private static final double METRES_PER_DEGREE = 111_320.0;
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.MM.dd");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /**
     * Of the true declarations of the kinds that can state a wrong fact (a tenant's room, a new unit's address, a new
     * building's floors, a facility's type), the share that does: they are about three in four true declarations,
     * so about one true declaration in ten comes back corrected (更正).
     */
    private static final double CORRECTED_SHARE = 0.13;

    private final Scale scale;
    private final long seed;
    private final double density;
    private final NoiseModel noise;
    private final Path out;
    private final Map<String, Long> stats = new TreeMap<>();
    private final GeometryFactory factory = new GeometryFactory(OperationalMap.PRECISION, OperationalMap.SRID);
    private final WKTWriter wkt = new WKTWriter();

    private Csv roads;
    private Csv addresses;
    private Csv buildings;
    private Csv rentals;
    private Csv people;
    private Csv units;
    private Csv facilities;
    private Csv declarationTruth;
    private Csv officers;
    private FeedRows feedRows;
    private final Map<Spec, FeedFile> feeds = new LinkedHashMap<>();
    private Roster roster;
    /** The grids written, by envelope: to find the grids covering a point on their boundaries. */
    private final STRtree gridsWritten = new STRtree();
    /** Faulty verification results, taken in turn by the kinds of {@link ResultFault} across the villages. */
    private final Cadence resultFaults;

    public Generator(Scale scale, long seed, double fraction, NoiseModel noise, Path out) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        this.scale = scale;
        this.seed = seed;
        this.density = scale.density() * fraction;
        this.noise = noise;
        this.out = out;
        this.resultFaults = new Cadence(noise.badResult());
    }

    /** Writes everything under the output directory and returns the row counts and coverage figures. */
    public Map<String, Long> run() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Divisions divisions = Divisions.load();
        OperationalMap map = OperationalMap.build(divisions, seed);
        long[] written = GridFiles.write(out, divisions, map, scale);
        stats.put("divisions.towns", written[0]);
        stats.put("divisions.villages", written[1]);
        stats.put("grids", written[2]);
        openTruth();
        for (Spec spec : FeedCatalog.ALL) {
            feeds.put(spec, new FeedFile(out, spec, feedRows));
        }
        List<Grid> inScale = map.grids().stream().filter(g -> scale.covers(g.town().code())).toList();
        inScale.forEach(g -> gridsWritten.insert(g.area().getEnvelopeInternal(), g));
        roster = Roster.write(inScale, seed, new Cadence(noise.badRosterRow()), officers, feed(FeedCatalog.OFFICERS));
        for (Town town : divisions.towns()) {
            if (scale.covers(town.code())) {
                for (Village village : town.villages()) {
                    new VillageRun(town, village, map.gridsOf(village.code())).run();
                }
            }
        }
        for (FeedFile feed : feeds.values()) {
            feed.close(feed.spec() == FeedCatalog.HOUSEHOLD);
            stats.put("rows." + feed.spec().path(), feed.rows());
        }
        writeBrokenFiles();
        for (Map.Entry<RejectReason, Long> e : feedRows.rejects().entrySet()) {
            stats.put("rejects." + e.getKey().name(), e.getValue());
        }
        closeTruth();
        return stats;
    }

    /**
     * The grid a point on grid boundaries belongs to by the rule the pipeline applies ({@code city.twofour.grid.GridIndex}):
     * the lowest code among the grids written that cover it.
     */
    private Grid lowestCovering(Coordinate c) {
        @SuppressWarnings("unchecked")
        List<Grid> candidates = gridsWritten.query(new Envelope(c));
        return candidates.stream().filter(g -> g.covers(c)).min(Comparator.comparing(Grid::code)).orElseThrow();
    }

    private void writeBrokenFiles() {
        try {
            Files.copy(out.resolve(FeedCatalog.HOUSING_RENTALS.path()), out.resolve(FeedCatalog.HOUSING_RENTALS_RESENT));
            Files.write(out.resolve(FeedCatalog.HYDRANTS_EMPTY), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        feedRows.add(FeedCatalog.HOUSING_RENTALS_RESENT, 0, new Truth("FILE", FeedCatalog.HOUSING_RENTALS.path(), "", "",
                RejectReason.DUPLICATE_FILE, "", FeedCatalog.HOUSING_RENTALS.path(), "DUPLICATE_FILE"));
        feedRows.add(FeedCatalog.HYDRANTS_EMPTY, 0, new Truth("FILE", "", "", "", RejectReason.EMPTY_FILE, "", "", "EMPTY_FILE"));
    }

    private void openTruth() {
        Path t = out.resolve("truth");
        roads = new Csv(t.resolve("roads.csv"), "road_code", "name", "village_code", "town_code");
        addresses = new Csv(t.resolve("addresses.csv"), "address_code", "level", "parent_code", "standard_address",
                "road_code", "door_no", "building_no", "unit_no", "floor_no", "room_no", "lon", "lat", "grid_code",
                "village_code", "town_code");
        buildings = new Csv(t.resolve("buildings.csv"), "building_code", "address_code", "use", "floors", "units",
                "rooms", "lon", "lat", "grid_code", "straddles_grid", "status", "owner_name", "owner_citizen_id",
                "in_housing_registry", "in_field_collection", "footprint_wkt");
        rentals = new Csv(t.resolve("rental_houses.csv"), "rental_code", "building_code", "address_code", "rooms",
                "landlord_name", "landlord_citizen_id", "grid_code", "in_housing_registry", "in_field_collection");
        people = new Csv(t.resolve("people.csv"), "person_id", "citizen_id", "name", "sex", "birth_date", "kind",
                "origin_region", "address_code", "grid_code", "phone", "status");
        units = new Csv(t.resolve("units.csv"), "unit_id", "credit_code", "name", "kind", "legal_representative",
                "address_code", "grid_code", "established", "status", "in_business_registry");
        facilities = new Csv(t.resolve("facilities.csv"), "facility_id", "type", "lon", "lat", "grid_code",
                "on_boundary", "status", "in_department_list");
        declarationTruth = new Csv(t.resolve("declarations.csv"), "declaration_no", "type", "entity_id", "entity_key",
                "address_code", "grid_code", "is_true", "expected_result", "corrected_field", "corrected_value");
        officers = new Csv(t.resolve("grid_officers.csv"), "officer_id", "name", "grid_code", "phone");
        feedRows = new FeedRows(t.resolve("feed_rows.csv"));
    }

    private void closeTruth() {
        for (Csv csv : List.of(roads, addresses, buildings, rentals, people, units, facilities, declarationTruth, officers)) {
            csv.close();
        }
        stats.put("truth.roads", roads.rows());
        stats.put("truth.addresses", addresses.rows());
        stats.put("truth.buildings", buildings.rows());
        stats.put("truth.rental_houses", rentals.rows());
        stats.put("truth.people", people.rows());
        stats.put("truth.units", units.rows());
        stats.put("truth.facilities", facilities.rows());
        stats.put("truth.declarations", declarationTruth.rows());
        stats.put("truth.grid_officers", officers.rows());
        feedRows.close();
        stats.put("truth.feed_rows", feedRows.rows());
    }

    private void count(String key) {
        stats.merge(key, 1L, Long::sum);
    }

    /**
     * A declaration as the declarant writes it: the entity (by the key the master data knows), the place, the
     * facts, and what verification finds. A declaration due for correction states one fact wrongly.
     *
     * @param address the declared address, null for a facility (declared by its grid)
     * @param point   the real place of a building or facility, which the officer reads by GPS; null otherwise
     */
    private record Declaration(String type, String kind, String entityId, String entityKey, String addressCode,
                               Grid grid, AddressParts address, Coordinate point, String objectName, String content,
                               boolean isTrue, Correction correction) {

        /** The same declaration naming a wrong address (if there is one), which the result corrects. */
        Declaration misstatingAddress(AddressParts wrong) {
            return wrong == null ? this
                    : misstating(wrong, objectName, content, new Correction("地址", address.standard(), "WRONG_ADDRESS"));
        }

        Declaration misstating(AddressParts declaredAddress, String declaredName, String declaredContent, Correction c) {
            return new Declaration(type, kind, entityId, entityKey, addressCode, grid, declaredAddress, point, declaredName,
                    declaredContent, isTrue, c);
        }
    }

    /** The true value of the fact a declaration states wrongly, as the result's 更正内容 {@code 字段=值} gives it. */
    private record Correction(String field, String value, String noiseTag) {

        String text() {
            return field + "=" + value;
        }
    }

    /** What is wrong with a faulty verification result; the kinds take turns. */
    private enum ResultFault {
        /** Followed by a result for a task number that matches no declaration. */
        UNKNOWN_TASK,
        /** Signed by an officer of another grid. */
        OFFICER_NOT_IN_GRID,
        /** A correction whose value fails validation; only for buildings and facilities. */
        BAD_CORRECTION,
        /** Delivered twice, the same line again (not a reject). */
        DELIVERED_TWICE
    }

    /** A row about to be written: its fields, its truth, and the columns noise may break. */
    private record Row(String[] fields, Truth truth, Roles roles) {
    }

    /** Which columns of a feed hold what, for the row-level rejects. */
    private record Roles(List<String> required, String citizenId, String creditCode, String date,
                         DateTimeFormatter dateFormat, String phone, String lon, String lat, String quotable) {
    }

    private final class VillageRun {

        private final Town town;
        private final Village village;
        private final List<Grid> grids;
        private final SplittableRandom tr;
        private final SplittableRandom nr;
        private final String townShort;
        private final List<Runnable> deferred = new ArrayList<>();
        /**
         * Declarations are written when the rest of the village is done, so that the declare-and-verify cycle draws
         * its noise after every other feed's and changing it changes no other feed.
         */
        private final List<Runnable> declarations = new ArrayList<>();
        private final List<Road> villageRoads = new ArrayList<>();
        private final List<Building> villageBuildings = new ArrayList<>();
        private int addressSeq;
        private int buildingSeq;
        private int personSeq;
        private int unitSeq;
        private int facilitySeq;
        private int rentalSeq;
        private int declarationSeq;
        private int unknownTaskSeq;
        private int fieldSeq;

        VillageRun(Town town, Village village, List<Grid> grids) {
            this.town = town;
            this.village = village;
            this.grids = grids;
            long code = Long.parseLong(village.code());
            this.tr = new SplittableRandom(mix(seed, code, 1));
            this.nr = new SplittableRandom(mix(seed, code, 2));
            this.townShort = ChineseNames.townShort(town.name());
        }

        void run() {
            int[] buildingCounts = new int[grids.size()];
            int total = 0;
            for (int g = 0; g < grids.size(); g++) {
                buildingCounts[g] = stochasticRound(BUILDINGS_PER_GRID * density * (0.5 + tr.nextDouble()));
                total += buildingCounts[g];
            }
            int roadCount = Math.max(2, Math.min(60, 2 + total / 50));
            for (int i = 0; i < roadCount; i++) {
                Road road = new Road("R" + village.code() + pad(i + 1, 3),
                        ChineseNames.roadName(tr, village.bareName(), i));
                villageRoads.add(road);
                roads.row(road.code(), road.name(), village.code(), town.code());
            }
            int[] doors = new int[roadCount];
            int[] lastDoorBuilding = new int[roadCount];
            String[] lastDoorCode = new String[roadCount];
            Grid[] lastDoorGrid = new Grid[roadCount];
            for (int g = 0; g < grids.size(); g++) {
                Grid grid = grids.get(g);
                for (int b = 0; b < buildingCounts[g]; b++) {
                    int r = tr.nextInt(roadCount);
                    boolean sameDoor = doors[r] > 0 && lastDoorGrid[r] == grid && tr.nextDouble() < 0.25;
                    if (!sameDoor) {
                        doors[r] += 1 + tr.nextInt(2);
                        lastDoorBuilding[r] = 0;
                        lastDoorCode[r] = null;
                        lastDoorGrid[r] = grid;
                    }
                    lastDoorBuilding[r]++;
                    Building building = building(grid, villageRoads.get(r), doors[r], lastDoorBuilding[r], lastDoorCode[r]);
                    lastDoorCode[r] = building.doorAddressCode();
                }
                int facilityCount = stochasticRound(FACILITIES_PER_GRID * density * (0.5 + tr.nextDouble()));
                for (int f = 0; f < facilityCount; f++) {
                    facility(grid);
                }
            }
            for (Runnable r : deferred) {
                r.run();
            }
            for (Runnable d : declarations) {
                d.run();
            }
        }

        // ---------------------------------------------------------------- buildings and addresses

        /** A building placed in a grid; one on a vertex of the grid belongs to the lowest code covering the vertex. */
        private Building building(Grid placedIn, Road road, int door, int buildingNo, String existingDoorCode) {
            AddressParts doorParts = new AddressParts(town.name(), village.shortName(), village.bareName(), village.name(),
                    road.name(), door, 0, 0, 0);
            double u = tr.nextDouble();
            boolean demolished = tr.nextDouble() < noise.staleRecord() * 0.5;
            BuildingUse use = demolished ? BuildingUse.DEMOLISHED
                    : u < 0.60 ? BuildingUse.RESIDENTIAL : u < 0.64 ? BuildingUse.APARTMENT
                    : u < 0.79 ? BuildingUse.SHOP : u < 0.96 ? BuildingUse.FACTORY : BuildingUse.PUBLIC;
            int floors;
            int unitsCount = 1;
            int roomsPerFloor = 0;
            switch (use) {
                case RESIDENTIAL, DEMOLISHED -> {
                    floors = 2 + tr.nextInt(5);
                    roomsPerFloor = tr.nextDouble() < 0.65 ? 1 : 2;
                }
                case APARTMENT -> {
                    floors = 6 + tr.nextInt(7);
                    unitsCount = 1 + tr.nextInt(2);
                    roomsPerFloor = 2 + tr.nextInt(3);
                }
                case SHOP -> {
                    floors = 1 + tr.nextInt(3);
                    roomsPerFloor = 1;
                }
                default -> floors = 1 + tr.nextInt(5);
            }
            if (demolished) {
                roomsPerFloor = 0;
            }
            boolean onBoundary = tr.nextDouble() < noise.pointOnBoundary();
            boolean straddle = !onBoundary && tr.nextDouble() < noise.straddlingBuilding();
            Coordinate p = onBoundary ? boundaryVertex(placedIn) : straddle ? nearBoundary(placedIn) : pointIn(placedIn);
            Grid grid = onBoundary ? lowestCovering(p) : placedIn;
            double half = use == BuildingUse.FACTORY ? 15 + tr.nextDouble() * 20 : 5 + tr.nextDouble() * 8;
            Polygon footprint = footprint(p, half, half * (0.6 + tr.nextDouble() * 0.8), tr.nextDouble() * Math.PI);
            boolean straddles = !grid.area().covers(footprint);

            String doorCode = existingDoorCode;
            if (doorCode == null) {
                doorCode = nextAddressCode();
                address(doorCode, "DOOR", "", doorParts, road, p, grid, 0);
            }
            String buildingAddressCode = nextAddressCode();
            AddressParts buildingParts = doorParts.building(buildingNo);
            address(buildingAddressCode, "BUILDING", doorCode, buildingParts, road, p, grid, 0);

            boolean ownerLocal = tr.nextDouble() < 0.9;
            Sex ownerSex = tr.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            String ownerName = ChineseNames.personName(tr, ownerSex, ownerLocal);
            String ownerId = citizenId(ownerLocal ? ChineseNames.LOCAL_REGION : ChineseNames.originRegion(tr)[0],
                    birth(30, 75), ownerSex);
            LocalDate registered = EXPORT_DATE.minusDays(30 + tr.nextInt(3650));
            Building building = new Building("B" + village.code() + pad(++buildingSeq, 5),
                    buildingAddressCode, doorCode, road, buildingParts, use, floors, unitsCount, roomsPerFloor,
                    p.x, p.y, footprint, grid, straddles, onBoundary, ownerName, ownerId, mobile(), registered, demolished);
            villageBuildings.add(building);

            boolean rentable = use == BuildingUse.RESIDENTIAL || use == BuildingUse.APARTMENT || use == BuildingUse.SHOP;
            boolean rental = rentable && tr.nextDouble() < 0.31;
            boolean inHousing = tr.nextDouble() < (demolished ? 1.0 : noise.housingBuildingCoverage());
            boolean inField = !demolished && tr.nextDouble() < noise.fieldCoverage();
            boolean rentalInHousing = rental && tr.nextDouble() < noise.housingRentalCoverage();
            int rentalRooms = rental ? Math.max(1, floors * unitsCount * roomsPerFloor - (tr.nextBoolean() ? 1 : 0)) : 0;
            buildings.row(building.code(), buildingAddressCode, use.name(), floors, unitsCount,
                    floors * unitsCount * roomsPerFloor, GridFiles.degrees(p.x), GridFiles.degrees(p.y), grid.code(),
                    yn(straddles), demolished ? "DEMOLISHED" : "STANDING", ownerName, ownerId, yn(inHousing), yn(inField),
                    wkt.write(footprint));
            count(demolished ? "buildings.demolished" : "buildings.standing");
            if (!demolished) {
                count(inHousing ? "buildings.in_housing_registry" : "buildings.missing_from_housing_registry");
                if (inField) {
                    count("buildings.in_field_collection");
                    if (!inHousing) {
                        count("buildings.only_in_field_collection");
                    }
                }
            }
            String rentalCode = null;
            if (rental) {
                rentalCode = "H" + village.code() + pad(++rentalSeq, 5);
                rentals.row(rentalCode, building.code(), buildingAddressCode, rentalRooms, ownerName, ownerId, grid.code(),
                        yn(rentalInHousing), yn(inField));
                count("rental_houses.truth");
                if (rentalInHousing) {
                    count("rental_houses.in_housing_registry");
                }
                if (inField) {
                    count("rental_houses.in_field_collection");
                    if (!rentalInHousing) {
                        count("rental_houses.only_in_field_collection");
                    }
                }
            }
            if (inHousing) {
                housingBuildingRow(building);
            }
            if (rentalInHousing) {
                rentalRow(building, rentalCode, rentalRooms);
            }
            if (inField) {
                fieldBuildingRow(building, rental, rentalRooms);
            }
            if (demolished && tr.nextDouble() < noise.declarationRate()) {
                declarations.add(() -> declareBuilding("房屋拆除", building, "楼栋" + buildingParts.standard(), "现场已拆除"));
            } else if (!demolished && !inHousing && tr.nextDouble() < noise.declarationRate() * 0.3) {
                declarations.add(() -> declareBuilding("新建房屋", building, buildingParts.standard(), building.floors() + "层"));
            }

            for (int unit = 1; unit <= unitsCount && roomsPerFloor > 0; unit++) {
                for (int floor = 1; floor <= floors; floor++) {
                    for (int k = 1; k <= roomsPerFloor; k++) {
                        int number = floor * 100 + k;
                        AddressParts roomParts = buildingParts.room(unitsCount > 1 ? unit : 0, number);
                        String code = nextAddressCode();
                        address(code, "ROOM", buildingAddressCode, roomParts, road, p, grid, floor);
                        Room room = new Room(code, roomParts, building, unit, floor, number);
                        residents(room, rental);
                    }
                }
            }
            unitsOf(building);
            return building;
        }

        private void address(String code, String level, String parent, AddressParts parts, Road road, Coordinate p,
                             Grid grid, int floor) {
            addresses.row(code, level, parent, parts.standard(), road.code(), parts.door(),
                    parts.building() == 0 ? "" : parts.building(), parts.unit() == 0 ? "" : parts.unit(),
                    floor == 0 ? "" : floor, parts.room() == 0 ? "" : parts.room(), GridFiles.degrees(p.x),
                    GridFiles.degrees(p.y), grid.code(), village.code(), town.code());
            count("addresses." + level.toLowerCase());
            if (tr.nextDouble() < noise.declarationRate() * 0.01) {
                declarations.add(() -> write(new Declaration("地址更正", "ADDRESS", code, code, code, grid, parts, null,
                        parts.standard(), "门牌地址有误，应为" + parts.standard(), true, null)));
            }
            if (tr.nextDouble() < noise.addressCoverage()) {
                emitWithDuplicates(feed(FeedCatalog.ADDRESSES), () -> {
                    List<String> tags = new ArrayList<>();
                    String text = nr.nextDouble() < noise.addressTypo() ? typoAddress(parts.standard(), tags) : parts.standard();
                    String[] f = {code, text, town.name(), village.name(), parts.road(), parts.door() + "号",
                            parts.building() == 0 ? "" : parts.building() + "栋", parts.unit() == 0 ? "" : parts.unit() + "单元",
                            parts.room() == 0 ? "" : String.valueOf(parts.room()), GridFiles.degrees(p.x), GridFiles.degrees(p.y)};
                    return new Row(f, truth("ADDRESS", code, code, grid, tags), ADDRESS_ROLES);
                });
            }
        }

        private String nextAddressCode() {
            return village.code() + pad(++addressSeq, 6);
        }

        // ---------------------------------------------------------------- people

        private void residents(Room room, boolean rental) {
            double u = tr.nextDouble();
            int occupants = rental
                    ? (u < 0.05 ? 0 : u < 0.35 ? 1 : u < 0.75 ? 2 : u < 0.92 ? 3 : 4)
                    : (u < 0.22 ? 0 : u < 0.55 ? 1 : u < 0.85 ? 2 : u < 0.96 ? 3 : 4);
            for (int i = 0; i < occupants; i++) {
                boolean local = tr.nextDouble() < (rental ? 0.05 : 0.31);
                Sex sex = tr.nextBoolean() ? Sex.MALE : Sex.FEMALE;
                String[] origin = local ? new String[] {ChineseNames.LOCAL_REGION, ChineseNames.LOCAL_REGION_NAME}
                        : ChineseNames.originRegion(tr);
                LocalDate birth = local ? birth(0, 90) : (tr.nextDouble() < 0.1 ? birth(0, 17) : birth(18, 55));
                String id = citizenId(origin[0], birth, sex);
                boolean adult = birth.plusYears(16).isBefore(EXPORT_DATE);
                LocalDate registered = local ? EXPORT_DATE.minusDays(tr.nextInt(7000))
                        : EXPORT_DATE.minusDays(tr.nextInt(1500));
                if (registered.isBefore(birth)) {
                    registered = birth.plusDays(30);
                }
                boolean movedOut = tr.nextDouble() < noise.staleRecord();
                Person person = new Person("P" + village.code() + pad(++personSeq, 6), id,
                        ChineseNames.personName(tr, sex, local), sex, birth, local, origin, room,
                        adult ? mobile() : "", registered, movedOut);
                people.row(person.id(), id, person.name(), sex.name(), birth, local ? "HOUSEHOLD" : "FLOATING",
                        origin[0], room.addressCode(), room.building().grid().code(), person.phone(),
                        movedOut ? "MOVED_OUT" : "RESIDENT");
                count(local ? "people.household" : "people.floating");
                if (movedOut) {
                    count("people.moved_out");
                }
                boolean covered = tr.nextDouble() < (local ? noise.householdCoverage() : noise.floatingCoverage());
                if (covered) {
                    count(local ? "people.in_household_feed" : "people.in_floating_feed");
                    int line = local ? householdRow(person) : floatingRow(person, null);
                    if (local && nr.nextDouble() < noise.duplicateAcrossFeeds()) {
                        floatingRow(person, FeedCatalog.HOUSEHOLD.path() + ":" + line);
                        count("people.cross_feed_duplicates");
                    }
                }
                if (!movedOut && tr.nextDouble() < noise.fieldPeopleCoverage()) {
                    count("people.in_field_collection");
                    if (!covered) {
                        count("people.only_in_field_collection");
                    }
                    fieldPersonRow(person);
                }
                if (movedOut && tr.nextDouble() < noise.declarationRate()) {
                    declarations.add(() -> declarePerson(local ? "人员迁出" : "租客退租", person, "已搬离", true));
                } else if (!local && !covered && tr.nextDouble() < noise.declarationRate() && !movedOut) {
                    // the draw comes first, so that the truth stream is the same whether or not the tenant has left
                    declarations.add(() -> declarePerson("租客入住", person, "新入住", true));
                } else if (!movedOut && tr.nextDouble() < noise.declarationRate() * noise.falseDeclaration() * 0.2) {
                    declarations.add(() -> declarePerson("人员迁出", person, "已搬离", false));
                }
            }
        }

        private int householdRow(Person p) {
            return emitWithDuplicates(feed(FeedCatalog.HOUSEHOLD), () -> {
                List<String> tags = new ArrayList<>();
                String[] f = {name(p.name(), tags), idAsWritten(p, tags), p.sex().label(), p.birth().format(YYYYMMDD),
                        addressAsWritten(p.room().address(), tags), p.phone(), p.registered().format(YYYYMMDD)};
                return new Row(f, truth("PERSON", p.id(), p.room().addressCode(), p.room().building().grid(), stale(p, tags)),
                        HOUSEHOLD_ROLES);
            });
        }

        private int floatingRow(Person p, String crossFeedOriginal) {
            Supplier<Row> render = () -> {
                List<String> tags = new ArrayList<>();
                if (crossFeedOriginal != null) {
                    tags.add("CROSS_FEED_DUPLICATE");
                }
                String ethnicity = p.origin()[0].startsWith("45") && nr.nextDouble() < 0.3 ? "壮族"
                        : p.origin()[0].startsWith("52") && nr.nextDouble() < 0.3 ? "苗族" : "汉族";
                String reason = p.birth().plusYears(18).isAfter(EXPORT_DATE) ? "投靠亲友"
                        : new String[] {"务工", "务工", "务工", "经商", "投靠亲友"}[nr.nextInt(5)];
                String[] f = {name(p.name(), tags), idAsWritten(p, tags), p.sex().label(), ethnicity,
                        p.birth().format(ISO), p.origin()[1] + "某村", addressAsWritten(p.room().address(), tags),
                        p.phone(), p.registered().format(ISO), reason};
                Truth t = truth("PERSON", p.id(), p.room().addressCode(), p.room().building().grid(), stale(p, tags));
                return new Row(f, crossFeedOriginal == null ? t : t.duplicateOf(crossFeedOriginal), FLOATING_ROLES);
            };
            return crossFeedOriginal == null ? emitWithDuplicates(feed(FeedCatalog.FLOATING), render)
                    : emit(feed(FeedCatalog.FLOATING), render.get());
        }

        private void fieldPersonRow(Person p) {
            String collector = ChineseNames.personName(tr, tr.nextBoolean() ? Sex.MALE : Sex.FEMALE, true);
            emitWithDuplicates(feed(FeedCatalog.FIELD_PEOPLE), () -> {
                List<String> tags = new ArrayList<>();
                LocalDateTime at = EXPORT_DATE.minusDays(nr.nextInt(180)).atTime(8 + nr.nextInt(10), nr.nextInt(60));
                String[] f = {"RK" + p.id().substring(1), p.room().building().grid().code(), name(p.name(), tags),
                        idAsWritten(p, tags), p.sex().label(), p.local() ? "户籍人口" : "流动人口",
                        addressAsWritten(p.room().address(), tags), p.phone(), collector, at.format(MINUTES)};
                return new Row(f, truth("PERSON", p.id(), p.room().addressCode(), p.room().building().grid(), tags),
                        FIELD_PEOPLE_ROLES);
            });
        }

        private List<String> stale(Person p, List<String> tags) {
            if (p.movedOut()) {
                tags.add("STALE_MOVED_OUT");
            }
            return tags;
        }

        private String idAsWritten(Person p, List<String> tags) {
            if (nr.nextDouble() < noise.oldFormatId()) {
                String old = TextNoise.oldFormat(p.citizenId());
                if (old != null) {
                    tags.add("OLD_15_DIGIT_ID");
                    return old;
                }
            }
            return p.citizenId();
        }

        // ---------------------------------------------------------------- units

        private void unitsOf(Building b) {
            int n = 0;
            UnitKind kind = UnitKind.ENTERPRISE;
            switch (b.use()) {
                case FACTORY -> n = 1 + tr.nextInt(2);
                case SHOP -> {
                    n = 1;
                    kind = UnitKind.INDIVIDUAL;
                }
                case RESIDENTIAL -> {
                    if (tr.nextDouble() < 0.03) {
                        n = 1;
                        kind = UnitKind.INDIVIDUAL;
                    }
                }
                case PUBLIC -> {
                    n = 1;
                    kind = tr.nextDouble() < 0.7 ? UnitKind.INSTITUTION : UnitKind.SOCIAL_ORGANIZATION;
                }
                default -> n = 0;
            }
            for (int i = 0; i < n; i++) {
                unit(b, kind);
            }
        }

        private void unit(Building b, UnitKind kind) {
            Sex sex = tr.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            String rep = ChineseNames.personName(tr, sex, tr.nextDouble() < 0.4);
            String name = switch (kind) {
                case ENTERPRISE -> ChineseNames.enterpriseName(tr);
                case INDIVIDUAL -> ChineseNames.shopName(tr, townShort, rep);
                case INSTITUTION -> ChineseNames.institutionName(tr, townShort, village.shortName(), village.bareName());
                case SOCIAL_ORGANIZATION -> ChineseNames.associationName(tr, townShort);
            };
            String prefix = switch (kind) {
                case ENTERPRISE -> "91";
                case INDIVIDUAL -> "92";
                case INSTITUTION -> "12";
                case SOCIAL_ORGANIZATION -> "51";
            };
            StringBuilder body = new StringBuilder(kind == UnitKind.INSTITUTION ? "" : "MA");
            while (body.length() < 8) {
                body.append(CreditCode.ALPHABET.charAt(tr.nextInt(kind == UnitKind.INSTITUTION ? 10 : CreditCode.ALPHABET.length())));
            }
            String first17 = prefix + Divisions.CITY_CODE + body + CreditCode.organizationCheckCharacter(body.toString());
            String code = first17 + CreditCode.checkCharacter(first17);
            boolean closed = tr.nextDouble() < noise.staleRecord();
            LocalDate established = EXPORT_DATE.minusDays(60 + tr.nextInt(6000));
            String phone = tr.nextBoolean() ? mobile() : "0769-" + (22000000 + tr.nextInt(7000000));
            Unit unit = new Unit("U" + village.code() + pad(++unitSeq, 5), code, name, kind, rep, b,
                    established, closed, phone);
            boolean registrable = kind == UnitKind.ENTERPRISE || kind == UnitKind.INDIVIDUAL;
            boolean inRegistry = registrable && tr.nextDouble() < noise.marketCoverage();
            units.row(unit.id(), code, name, kind.name(), rep, b.addressCode(), b.grid().code(), established,
                    closed ? "CLOSED" : "OPEN", yn(inRegistry));
            count("units." + kind.name().toLowerCase());
            if (closed) {
                count("units.closed");
            }
            if (inRegistry) {
                count("units.in_business_registry");
                boolean deregistered = closed && tr.nextDouble() < 0.3;
                emitWithDuplicates(feed(FeedCatalog.MARKET), () -> {
                    List<String> tags = new ArrayList<>();
                    if (closed && !deregistered) {
                        tags.add("STALE_CLOSED");
                    }
                    String[] f = {code, name(name, tags), kind.label, rep, addressAsWritten(b.address(), tags),
                            established.format(CHINESE), deregistered ? "注销" : "存续", phone};
                    return new Row(f, truth("UNIT", unit.id(), b.addressCode(), b.grid(), tags), MARKET_ROLES);
                });
            } else if (registrable && !closed && tr.nextDouble() < noise.declarationRate()) {
                declarations.add(() -> declareUnit("新开业", unit, "新开业经营"));
            }
            if (closed && tr.nextDouble() < noise.declarationRate()) {
                declarations.add(() -> declareUnit("歇业", unit, "已停止经营"));
            }
        }

        // ---------------------------------------------------------------- facilities

        /** A facility placed in a grid; one on a vertex of the grid belongs to the lowest code covering the vertex. */
        private void facility(Grid placedIn) {
            double u = tr.nextDouble();
            FacilityType type = u < 0.35 ? FacilityType.STREET_LAMP : u < 0.65 ? FacilityType.MANHOLE_COVER
                    : u < 0.80 ? FacilityType.WASTE_BIN : u < 0.92 ? FacilityType.CAMERA : FacilityType.FIRE_HYDRANT;
            boolean onBoundary = tr.nextDouble() < noise.pointOnBoundary();
            Coordinate p = onBoundary ? boundaryVertex(placedIn) : pointIn(placedIn);
            Grid grid = onBoundary ? lowestCovering(p) : placedIn;
            boolean damaged = tr.nextDouble() < noise.staleRecord();
            Road road = villageRoads.get(tr.nextInt(villageRoads.size()));
            Facility f = new Facility("F" + village.code() + pad(++facilitySeq, 6), type, p.x, p.y, grid,
                    onBoundary, damaged, road, EXPORT_DATE.minusDays(tr.nextInt(4000)));
            boolean listed = tr.nextDouble() < noise.facilityCoverage();
            facilities.row(f.id(), type.name(), GridFiles.degrees(p.x), GridFiles.degrees(p.y), grid.code(), yn(onBoundary),
                    damaged ? "DAMAGED" : "IN_SERVICE", yn(listed));
            count("facilities." + type.name().toLowerCase());
            if (listed) {
                count("facilities.listed");
                switch (type) {
                    case FIRE_HYDRANT -> hydrantRow(f);
                    case CAMERA -> cameraRow(f);
                    default -> cityPartRow(f);
                }
            } else if (tr.nextDouble() < noise.declarationRate() * 0.2) {
                declarations.add(() -> declareFacility("新增设施", f));
            }
            if (damaged && tr.nextDouble() < noise.declarationRate()) {
                declarations.add(() -> declareFacility("设施损坏", f));
            }
        }

        private void hydrantRow(Facility f) {
            emitWithDuplicates(feed(FeedCatalog.HYDRANTS), () -> {
                List<String> tags = new ArrayList<>(boundaryTag(f));
                double[] gcj = ChinaCoordinates.wgs84ToGcj02(f.lon(), f.lat());
                String[] row = {departmentCode(f), f.road().name() + "旁", sixDecimals(gcj[0]), sixDecimals(gcj[1]),
                        nr.nextBoolean() ? "DN100" : "DN150", f.damaged() && nr.nextDouble() < 0.3 ? "损坏" : "正常",
                        f.installed().format(ISO)};
                return new Row(row, truth("FACILITY", f.id(), "", f.grid(), tags), HYDRANT_ROLES);
            });
        }

        private void cameraRow(Facility f) {
            emitWithDuplicates(feed(FeedCatalog.CAMERAS), () -> {
                List<String> tags = new ArrayList<>(boundaryTag(f));
                Road other = villageRoads.get((villageRoads.indexOf(f.road()) + 1 + nr.nextInt(villageRoads.size() - 1))
                        % villageRoads.size());
                String[] row = {departmentCode(f), f.road().name() + "枪机",
                        townShort + f.road().name() + "与" + other.name() + "交叉口",
                        GridFiles.degrees(f.lon()), GridFiles.degrees(f.lat()), "东莞市公安局" + townShort + "分局",
                        f.damaged() ? "离线" : "在线", f.installed().format(ISO)};
                return new Row(row, truth("FACILITY", f.id(), "", f.grid(), tags), CAMERA_ROLES);
            });
        }

        private void cityPartRow(Facility f) {
            emitWithDuplicates(feed(FeedCatalog.CITY_PARTS), () -> {
                List<String> tags = new ArrayList<>(boundaryTag(f));
                double[] bd = ChinaCoordinates.wgs84ToBd09(f.lon(), f.lat());
                String[] row = {departmentCode(f), f.type().label, f.type().label, townShort + f.road().name(),
                        sixDecimals(bd[0]), sixDecimals(bd[1]),
                        f.damaged() && nr.nextDouble() < 0.5 ? "破损" : "完好", f.installed().format(DOTTED)};
                return new Row(row, truth("FACILITY", f.id(), "", f.grid(), tags), CITY_PART_ROLES);
            });
        }

        /**
         * The code the facility's department knows it by, also for a facility missing from the department's list:
         * camera 设备编码 (20 digits), hydrant 消防栓编号 (XHS…), city part 部件标识码 (22 digits, with the part code).
         */
        private String departmentCode(Facility f) {
            String villageCode = f.id().substring(1, 13);
            return switch (f.type()) {
                case CAMERA -> villageCode + "132" + f.id().substring(f.id().length() - 5);
                case FIRE_HYDRANT -> "XHS" + f.id().substring(7);
                default -> Divisions.CITY_CODE + f.type().partCode + villageCode.substring(6) + f.id().substring(13);
            };
        }

        private List<String> boundaryTag(Facility f) {
            return f.onBoundary() ? List.of("ON_GRID_BOUNDARY") : List.of();
        }

        // ---------------------------------------------------------------- housing and field collection

        private void housingBuildingRow(Building b) {
            emitWithDuplicates(feed(FeedCatalog.HOUSING_BUILDINGS), () -> {
                List<String> tags = new ArrayList<>();
                if (b.demolished()) {
                    tags.add("STALE_DEMOLISHED");
                }
                String[] f = {"FW" + b.code().substring(1), addressAsWritten(b.address(), tags), b.address().building() + "栋",
                        String.valueOf(b.floors()), b.use().label, name(b.ownerName(), tags), b.ownerId(),
                        b.registered().format(SLASHED)};
                return new Row(f, truth("BUILDING", b.code(), b.addressCode(), b.grid(), tags), HOUSING_BUILDING_ROLES);
            });
        }

        private void rentalRow(Building b, String rentalCode, int rooms) {
            emitWithDuplicates(feed(FeedCatalog.HOUSING_RENTALS), () -> {
                List<String> tags = new ArrayList<>();
                String[] f = {"CZ" + rentalCode.substring(1), addressAsWritten(b.address(), tags), name(b.ownerName(), tags),
                        b.ownerId(), b.ownerPhone(), String.valueOf(rooms), b.registered().plusDays(nr.nextInt(30)).format(ISO)};
                return new Row(f, truth("RENTAL_HOUSE", rentalCode, b.addressCode(), b.grid(), tags), RENTAL_ROLES);
            });
        }

        private void fieldBuildingRow(Building b, boolean rental, int rooms) {
            String collector = ChineseNames.personName(tr, tr.nextBoolean() ? Sex.MALE : Sex.FEMALE, true);
            emitWithDuplicates(feed(FeedCatalog.FIELD_BUILDINGS), () -> {
                List<String> tags = new ArrayList<>();
                if (b.onBoundary()) {
                    tags.add("ON_GRID_BOUNDARY");
                }
                if (b.straddles()) {
                    tags.add("STRADDLES_GRID");
                }
                Coordinate at = b.onBoundary() ? new Coordinate(b.lon(), b.lat()) : gpsReading(b.lon(), b.lat());
                LocalDateTime collected = EXPORT_DATE.minusDays(nr.nextInt(180)).atTime(8 + nr.nextInt(10), nr.nextInt(60));
                String[] f = {"CJ" + village.code() + pad(++fieldSeq, 5), b.grid().code(),
                        addressAsWritten(b.address(), tags), b.address().building() + "栋", String.valueOf(b.floors()),
                        b.use().label, rental ? "是" : "否", rental ? String.valueOf(rooms) : "0",
                        rental ? name(b.ownerName(), tags) : "", GridFiles.degrees(at.x), GridFiles.degrees(at.y),
                        collector, collected.format(MINUTES)};
                return new Row(f, truth(rental ? "BUILDING+RENTAL_HOUSE" : "BUILDING", b.code(), b.addressCode(), b.grid(), tags),
                        FIELD_ROLES);
            });
        }

        // ---------------------------------------------------------------- declarations and verification

        private void declarePerson(String type, Person p, String content, boolean isTrue) {
            Room room = p.room();
            Declaration d = new Declaration(type, "PERSON", p.id(), p.citizenId(), room.addressCode(),
                    room.building().grid(), room.address(), null, p.name(), content, isTrue, null);
            write(type.equals("租客入住") && corrected(isTrue) ? d.misstatingAddress(otherRoom(room)) : d);
        }

        private void declareUnit(String type, Unit u, String content) {
            Building b = u.building();
            Declaration d = new Declaration(type, "UNIT", u.id(), u.creditCode(), b.addressCode(), b.grid(), b.address(),
                    null, u.name(), content, true, null);
            if (type.equals("新开业") && corrected(true)) {
                Building neighbour = neighbour(b, false);
                d = d.misstatingAddress(neighbour == null ? null : neighbour.address());
            }
            write(d);
        }

        private void declareBuilding(String type, Building b, String objectName, String content) {
            Declaration d = new Declaration(type, "BUILDING", b.code(), b.code(), b.addressCode(), b.grid(), b.address(),
                    new Coordinate(b.lon(), b.lat()), objectName, content, true, null);
            if (type.equals("新建房屋") && corrected(true)) {
                int floors = b.floors() == 1 || nr.nextBoolean() ? b.floors() + 1 : b.floors() - 1;
                d = d.misstating(b.address(), objectName, floors + "层",
                        new Correction("层数", String.valueOf(b.floors()), "WRONG_FLOORS"));
            }
            write(d);
        }

        /** A facility is declared by its grid (it has no address), under the code its department uses for it. */
        private void declareFacility(String type, Facility f) {
            FacilityType declared = f.type();
            Correction correction = null;
            if (corrected(true)) {
                FacilityType[] types = FacilityType.values();
                declared = types[(f.type().ordinal() + 1 + nr.nextInt(types.length - 1)) % types.length];
                correction = new Correction("类型", f.type().label, "WRONG_TYPE");
            }
            String content = type.equals("新增设施") ? f.road().name() + "旁新增" + declared.label : declared.label + "损坏";
            write(new Declaration(type, "FACILITY", f.id(), departmentCode(f), "", f.grid(), null,
                    new Coordinate(f.lon(), f.lat()), declared.label, content, true, correction));
        }

        /** Whether a declaration of a kind that can state a wrong fact does, and comes back corrected. */
        private boolean corrected(boolean isTrue) {
            return isTrue && nr.nextDouble() < CORRECTED_SHARE;
        }

        /** Another room of the building, or a room of a neighbouring building if it has one room only; null if none. */
        private AddressParts otherRoom(Room room) {
            Building b = room.building();
            if (b.rooms() > 1) {
                int own = b.roomIndex(room);
                int other = nr.nextInt(b.rooms() - 1);
                return b.roomAddress(other < own ? other : other + 1);
            }
            Building neighbour = neighbour(b, true);
            return neighbour == null ? null : neighbour.roomAddress(nr.nextInt(neighbour.rooms()));
        }

        /** The building made nearest before or after this one in the village (mostly in the same grid). */
        private Building neighbour(Building b, boolean withRooms) {
            int at = villageBuildings.indexOf(b);
            for (int distance = 1; distance < villageBuildings.size(); distance++) {
                for (int i : new int[] {at - distance, at + distance}) {
                    if (i >= 0 && i < villageBuildings.size() && (!withRooms || villageBuildings.get(i).rooms() > 0)) {
                        return villageBuildings.get(i);
                    }
                }
            }
            return null;
        }

        /** Writes a declaration, its truth, and (for nine in ten accepted ones) its verification result. */
        private void write(Declaration d) {
            String no = "SB" + village.code() + pad(++declarationSeq, 5);
            Correction c = d.correction();
            String expected = !d.isTrue() ? "不属实" : c != null ? "更正" : "属实";
            declarationTruth.row(no, d.type(), d.entityId(), d.entityKey(), d.addressCode(), d.grid().code(),
                    yn(d.isTrue()), expected, c == null ? "" : c.field(), c == null ? "" : c.value());
            count("declarations");
            LocalDateTime at = EXPORT_DATE.minusDays(1 + nr.nextInt(30)).atTime(nr.nextInt(24), nr.nextInt(60), nr.nextInt(60));
            String declarant = ChineseNames.personName(nr, nr.nextBoolean() ? Sex.MALE : Sex.FEMALE, nr.nextBoolean());
            String phone = mobileFrom(nr);
            List<String> tags = new ArrayList<>();
            String place = d.address() == null ? d.grid().town().name() + d.grid().village().shortName() + d.grid().name()
                    : addressAsWritten(d.address(), tags);
            if (!d.isTrue()) {
                tags.add("FALSE_DECLARATION");
            }
            if (c != null) {
                tags.add(c.noiseTag());
            }
            FeedFile feed = feed(FeedCatalog.DECLARATIONS);
            emit(feed, new Row(new String[] {no, d.type(), at.format(SECONDS), place, d.kind(), d.entityKey(),
                    d.objectName(), d.content(), declarant, phone}, truth("DECLARATION", no, d.addressCode(), d.grid(), tags),
                    DECLARATION_ROLES));
            if (!feed.lastRejected() && nr.nextDouble() < 0.9) {
                result(no, d, expected, at);
            }
        }

        /** The officer's result: by an officer of the grid's roster, with a GPS reading of a building or facility. */
        private void result(String no, Declaration d, String outcome, LocalDateTime declared) {
            Roster.Officer officer = roster.pick(d.grid(), nr);
            String[] reading = gpsReading(d);
            String evidence = nr.nextDouble() < 0.7 ? "ZP" + pad(nr.nextInt(1_000_000), 6) + pad(nr.nextInt(1_000_000), 6) : "";
            String[] f = {"RW" + no.substring(2), no, d.grid().code(), outcome,
                    d.correction() == null ? "" : d.correction().text(), reading[0], reading[1], officer.id(),
                    officer.name(), verifiedAt(declared).format(MINUTES), evidence};
            Truth t = truth("VERIFICATION", no, d.addressCode(), d.grid(), List.of());
            FeedFile feed = feed(FeedCatalog.VERIFICATIONS);
            ResultFault fault = resultFault(d);
            if (fault == null) {
                emit(feed, new Row(f, t, VERIFICATION_ROLES));
                return;
            }
            switch (fault) {
                case UNKNOWN_TASK -> {
                    emit(feed, new Row(f, t, VERIFICATION_ROLES));
                    // far above the number of declarations any village gets
                    String digits = village.code() + "9" + pad(++unknownTaskSeq, 4);
                    f[0] = "RW" + digits;
                    f[1] = "SB" + digits;
                    feed.write(f, new Truth("VERIFICATION", f[1], "", d.grid().code(), null, "", "", "")
                            .rejected(RejectReason.UNKNOWN_TASK, "任务编号", "UNKNOWN_TASK"));
                }
                case OFFICER_NOT_IN_GRID -> {
                    Grid other = grids.get(nr.nextInt(grids.size()));
                    while (other.code().equals(d.grid().code())) {
                        other = grids.get(nr.nextInt(grids.size()));
                    }
                    Roster.Officer stranger = roster.pick(other, nr);
                    f[7] = stranger.id();
                    f[8] = stranger.name();
                    feed.write(f, t.rejected(RejectReason.OFFICER_NOT_IN_GRID, "核查人编号", "OFFICER_NOT_IN_GRID"));
                }
                case BAD_CORRECTION -> {
                    f[3] = "更正";
                    f[4] = d.kind().equals("BUILDING") ? "层数=" + (nr.nextBoolean() ? "六十" : "-1") : "类型=电线杆";
                    feed.write(f, t.rejected(RejectReason.BAD_CORRECTION, "更正内容", "BAD_CORRECTION"));
                }
                case DELIVERED_TWICE -> {
                    int line = feed.write(f, t);
                    count("duplicates." + feed.spec().path());
                    feed.write(f, truth("VERIFICATION", no, d.addressCode(), d.grid(), List.of("DUPLICATE"))
                            .duplicateOf(feed.spec().path() + ":" + line));
                }
            }
        }

        /** The fault due on this result, if any and if it fits (a bad correction needs a building or facility). */
        private ResultFault resultFault(Declaration d) {
            resultFaults.tick();
            if (!resultFaults.owed()) {
                return null;
            }
            ResultFault next = ResultFault.values()[resultFaults.taken() % ResultFault.values().length];
            if (next == ResultFault.BAD_CORRECTION && d.point() == null) {
                return null;
            }
            resultFaults.take();
            return next;
        }

        /** The officer's reading of a building or facility: a few metres off, but never outside its true grid. */
        private String[] gpsReading(Declaration d) {
            if (d.point() == null) {
                return new String[] {"", ""};
            }
            Coordinate gps = gpsReading(d.point().x, d.point().y);
            Coordinate read = new Coordinate(round7(gps.x), round7(gps.y));
            if (!d.grid().covers(read)) {
                read = d.point();
            }
            return new String[] {GridFiles.degrees(read.x), GridFiles.degrees(read.y)};
        }

        /** 4 hours to 5 days after the declaration, and before the results are exported at 06:00 on the export date. */
        private LocalDateTime verifiedAt(LocalDateTime declared) {
            long window = Math.min(5 * 24 * 60, Duration.between(declared, EXPORT_DATE.atTime(6, 0)).toMinutes()) - 4 * 60;
            return declared.plusMinutes(4 * 60 + nr.nextLong(window));
        }

        // ---------------------------------------------------------------- noise

        private String name(String name, List<String> tags) {
            if (nr.nextDouble() < noise.nameTypo()) {
                String typo = TextNoise.typo(name, TextNoise.NAME_CONFUSIONS, nr);
                if (typo != null) {
                    tags.add("NAME_TYPO");
                    return typo;
                }
            }
            return name;
        }

        private String typoAddress(String text, List<String> tags) {
            String typo = TextNoise.typo(text, TextNoise.ADDRESS_CONFUSIONS, nr);
            if (typo == null) {
                return text;
            }
            tags.add("ADDRESS_TYPO");
            return typo;
        }

        private String addressAsWritten(AddressParts parts, List<String> tags) {
            return addressAsWritten(parts, tags, parts.standard());
        }

        /** The address as a clerk types it: mostly standard, sometimes in one of the many other ways. */
        private String addressAsWritten(AddressParts parts, List<String> tags, String fallback) {
            if (parts == null) {
                return fallback;
            }
            String text;
            if (nr.nextDouble() < noise.addressVariant()) {
                String prefix = "";
                String townPart = parts.townName();
                String villagePart = parts.villageShort();
                String door = parts.door() + "号";
                String building = parts.building() == 0 ? "" : parts.building() + "栋";
                String unit = parts.unit() == 0 ? "" : parts.unit() + "单元";
                String room = parts.room() == 0 ? "" : parts.room() + "室";
                int variants = 1 + nr.nextInt(2);
                for (int i = 0; i < variants; i++) {
                    switch (nr.nextInt(9)) {
                        case 0 -> {
                            prefix = nr.nextBoolean() ? "广东省东莞市" : "东莞市";
                            tags.add("PREFIX_ADDED");
                        }
                        case 1 -> {
                            townPart = "";
                            tags.add("TOWN_OMITTED");
                        }
                        case 2 -> {
                            villagePart = "";
                            tags.add("VILLAGE_OMITTED");
                        }
                        case 3 -> {
                            villagePart = formerVillageName(parts);
                            tags.add("OLD_VILLAGE_NAME");
                        }
                        case 4 -> {
                            door = TextNoise.chineseNumber(parts.door()) + "号";
                            tags.add("CHINESE_NUMERALS");
                        }
                        case 5 -> {
                            if (parts.building() > 0) {
                                String[] forms = {"座", "幢", "号楼"};
                                building = parts.building() + forms[nr.nextInt(forms.length)];
                                tags.add("BUILDING_WORD");
                            }
                        }
                        case 6 -> {
                            if (parts.room() > 0) {
                                room = parts.room() + (nr.nextBoolean() ? "房" : "");
                                tags.add("ROOM_WORD");
                            }
                        }
                        case 7 -> {
                            if (parts.unit() > 0) {
                                unit = parts.unit() + "梯";
                                tags.add("UNIT_WORD");
                            }
                        }
                        default -> tags.add("FULL_WIDTH_DIGITS");
                    }
                }
                text = prefix + townPart + villagePart + parts.road() + door + building + unit + room;
                if (tags.contains("FULL_WIDTH_DIGITS")) {
                    text = TextNoise.fullWidthDigits(text);
                }
            } else {
                text = parts.standard();
            }
            if (nr.nextDouble() < noise.addressTypo()) {
                text = typoAddress(text, tags);
            }
            return text;
        }

        /**
         * A name the village went by or goes by in speech: the bare place name (岗贝), the full
         * committee name (岗贝社区居民委员会), or a former name: communities were villages (岗贝村),
         * villages were management districts (石井管理区).
         */
        private String formerVillageName(AddressParts parts) {
            return switch (nr.nextInt(3)) {
                case 0 -> parts.villageBare();
                case 1 -> parts.villageFull();
                default -> parts.villageShort().endsWith("社区") ? parts.villageBare() + "村"
                        : parts.villageShort().endsWith("村") ? parts.villageBare() + "管理区" : parts.villageBare();
            };
        }

        private int emitWithDuplicates(FeedFile feed, Supplier<Row> render) {
            int line = emit(feed, render.get());
            if (nr.nextDouble() < noise.duplicateInFeed()) {
                String original = feed.spec().path() + ":" + line;
                count("duplicates." + feed.spec().path());
                deferred.add(() -> {
                    Row again = render.get();
                    List<String> tags = new ArrayList<>(List.of(again.truth().noise().split(";")));
                    tags.removeIf(String::isEmpty);
                    tags.add("DUPLICATE");
                    Truth t = again.truth();
                    emit(feed, new Row(again.fields(), new Truth(t.entityKind(), t.entityId(), t.addressCode(),
                            t.gridCode(), t.reason(), t.field(), original, String.join(";", tags)), again.roles()));
                });
            }
            return line;
        }

        /** Applies at most one row-level reject (by the knobs) and writes the row; returns its line number. */
        private int emit(FeedFile feed, Row row) {
            String[] f = row.fields().clone();
            Truth t = row.truth();
            Roles roles = row.roles();
            Spec spec = feed.spec();
            if (nr.nextDouble() < noise.missingField() && !roles.required().isEmpty()) {
                String column = roles.required().get(nr.nextInt(roles.required().size()));
                f[spec.column(column)] = "";
                return feed.write(f, t.rejected(RejectReason.MISSING_REQUIRED_FIELD, column, "MISSING_FIELD"));
            }
            if (roles.citizenId() != null && nr.nextDouble() < noise.badCitizenId()) {
                int c = spec.column(roles.citizenId());
                if (f[c].length() == 18) {
                    f[c] = TextNoise.mistypeCitizenId(f[c], nr);
                    return feed.write(f, t.rejected(RejectReason.BAD_CITIZEN_ID_CHECK, roles.citizenId(), "ID_TYPO"));
                }
            }
            if (roles.creditCode() != null && nr.nextDouble() < noise.badCreditCode()) {
                int c = spec.column(roles.creditCode());
                f[c] = TextNoise.mistypeCreditCode(f[c], nr);
                return feed.write(f, t.rejected(RejectReason.BAD_CREDIT_CODE_CHECK, roles.creditCode(), "CREDIT_CODE_TYPO"));
            }
            if (roles.date() != null && nr.nextDouble() < noise.badDate()) {
                int c = spec.column(roles.date());
                f[c] = impossibleDate(roles.dateFormat());
                return feed.write(f, t.rejected(RejectReason.BAD_DATE, roles.date(), "BAD_DATE"));
            }
            if (roles.phone() != null && nr.nextDouble() < noise.badPhone()) {
                int c = spec.column(roles.phone());
                if (!f[c].isEmpty()) {
                    f[c] = TextNoise.badPhone(f[c], nr);
                    return feed.write(f, t.rejected(RejectReason.BAD_PHONE, roles.phone(), "BAD_PHONE"));
                }
            }
            if (roles.lon() != null && nr.nextDouble() < noise.coordinateOutsideCity()) {
                int x = spec.column(roles.lon());
                int y = spec.column(roles.lat());
                String swap = f[x];
                f[x] = f[y];
                f[y] = swap;
                return feed.write(f, t.rejected(RejectReason.COORDINATE_OUTSIDE_CITY, roles.lon(), "LON_LAT_SWAPPED"));
            }
            if (nr.nextDouble() < noise.wrongColumnCount()) {
                String[] g;
                if (nr.nextBoolean()) {
                    g = java.util.Arrays.copyOf(f, f.length - 1);
                } else {
                    g = java.util.Arrays.copyOf(f, f.length + 1);
                    g[f.length] = "备注";
                }
                return feed.write(g, t.rejected(RejectReason.WRONG_COLUMN_COUNT, "", "WRONG_COLUMN_COUNT"));
            }
            if (roles.quotable() != null && nr.nextDouble() < noise.brokenQuoting()) {
                int c = spec.column(roles.quotable());
                String marker = "\u0000";
                String[] g = f.clone();
                g[c] = marker;
                String text = feed.format(g).replace(spec.quoteAll() ? "\"" + marker + "\"" : marker,
                        "\"" + f[c].replace("\"", "") + "\"" + "（备注）");
                return feed.writeText(text, t.rejected(RejectReason.BROKEN_QUOTING, roles.quotable(), "BROKEN_QUOTING"));
            }
            return feed.write(f, t);
        }

        private String impossibleDate(DateTimeFormatter format) {
            if (format == YYYYMMDD) {
                return nr.nextBoolean() ? "20261341" : "20230230";
            }
            if (format == CHINESE) {
                return "2023年2月30日";
            }
            if (format == SLASHED) {
                return "2023/13/5";
            }
            if (format == DOTTED) {
                return "2023.02.30";
            }
            return nr.nextBoolean() ? "2023-02-30" : "2023-13-05";
        }

        private Truth truth(String kind, String id, String addressCode, Grid grid, List<String> tags) {
            return new Truth(kind, id, addressCode, grid.code(), null, "", "", String.join(";", tags));
        }

        // ---------------------------------------------------------------- geometry and identities

        private Coordinate pointIn(Grid grid) {
            Coordinate c = OperationalMap.randomInside(grid.area().getEnvelopeInternal(), grid.locator(), tr);
            return new Coordinate(round7(c.x), round7(c.y));
        }

        private Coordinate boundaryVertex(Grid grid) {
            Coordinate[] cs = grid.area().getCoordinates();
            return cs[tr.nextInt(cs.length - 1)].copy();
        }

        private Coordinate nearBoundary(Grid grid) {
            Coordinate[] cs = grid.area().getCoordinates();
            int i = tr.nextInt(cs.length - 1);
            double t = 0.2 + 0.6 * tr.nextDouble();
            Coordinate edge = new Coordinate(cs[i].x + t * (cs[i + 1].x - cs[i].x), cs[i].y + t * (cs[i + 1].y - cs[i].y));
            Coordinate centre = grid.area().getInteriorPoint().getCoordinate();
            double d = Math.max(edge.distance(centre), 1e-9);
            double step = 4.0 / METRES_PER_DEGREE;
            Coordinate c = new Coordinate(round7(edge.x + (centre.x - edge.x) * step / d),
                    round7(edge.y + (centre.y - edge.y) * step / d));
            return grid.covers(c) ? c : pointIn(grid);
        }

        /** A handheld GPS reading of a point: within 2.5 m either way on each axis. */
        private Coordinate gpsReading(double lon, double lat) {
            double jitter = 5.0 / METRES_PER_DEGREE;
            return new Coordinate(lon + (nr.nextDouble() - 0.5) * jitter, lat + (nr.nextDouble() - 0.5) * jitter);
        }

        private Polygon footprint(Coordinate c, double halfLength, double halfWidth, double angle) {
            double cosLat = Math.cos(Math.toRadians(c.y));
            Coordinate[] ring = new Coordinate[5];
            double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}};
            for (int i = 0; i < 5; i++) {
                double x = corners[i][0] * halfLength;
                double y = corners[i][1] * halfWidth;
                double rx = x * Math.cos(angle) - y * Math.sin(angle);
                double ry = x * Math.sin(angle) + y * Math.cos(angle);
                ring[i] = new Coordinate(round7(c.x + rx / (METRES_PER_DEGREE * cosLat)), round7(c.y + ry / METRES_PER_DEGREE));
            }
            Envelope city = OperationalMap.CITY_EXTENT;
            for (Coordinate k : ring) {
                k.x = Math.max(city.getMinX(), Math.min(city.getMaxX(), k.x));
                k.y = Math.max(city.getMinY(), Math.min(city.getMaxY(), k.y));
            }
            return factory.createPolygon(ring);
        }

        private LocalDate birth(int minAge, int maxAge) {
            int days = (int) (minAge * 365.25) + tr.nextInt((int) ((maxAge - minAge + 1) * 365.25));
            return EXPORT_DATE.minusDays(days);
        }

        private String citizenId(String region, LocalDate birth, Sex sex) {
            int sequence = tr.nextInt(100) * 10 + 2 * tr.nextInt(5) + (sex == Sex.MALE ? 1 : 0);
            String first17 = region + birth.format(YYYYMMDD) + pad(sequence, 3);
            String id = first17 + CitizenId.checkCharacter(first17);
            return id;
        }

        private String mobile() {
            return mobileFrom(tr);
        }

        private int stochasticRound(double x) {
            int whole = (int) x;
            return whole + (tr.nextDouble() < x - whole ? 1 : 0);
        }
    }

    // -------------------------------------------------------------------- feed roles

    private static final Roles HOUSEHOLD_ROLES = new Roles(List.of("姓名", "公民身份号码", "户籍地址"), "公民身份号码", null,
            "登记日期", YYYYMMDD, "联系电话", null, null, "姓名");
    private static final Roles FLOATING_ROLES = new Roles(List.of("姓名", "证件号码", "现居住地址"), "证件号码", null,
            "登记日期", ISO, "联系电话", null, null, "现居住地址");
    private static final Roles ADDRESS_ROLES = new Roles(List.of("地址编码", "标准地址"), null, null, null, null, null,
            "经度", "纬度", "标准地址");
    private static final Roles CAMERA_ROLES = new Roles(List.of("设备编码", "经度", "纬度"), null, null, "接入日期", ISO,
            null, "经度", "纬度", "设备名称");
    private static final Roles HOUSING_BUILDING_ROLES = new Roles(List.of("房屋编号", "房屋坐落"), "产权人证件号码", null,
            "登记日期", SLASHED, null, null, null, "房屋坐落");
    private static final Roles RENTAL_ROLES = new Roles(List.of("出租屋编号", "出租屋地址"), "房东身份证号", null, "登记日期",
            ISO, "房东电话", null, null, "出租屋地址");
    private static final Roles MARKET_ROLES = new Roles(List.of("统一社会信用代码", "企业名称", "住所"), null, "统一社会信用代码",
            "成立日期", CHINESE, "联系电话", null, null, "企业名称");
    private static final Roles HYDRANT_ROLES = new Roles(List.of("消防栓编号", "经度", "纬度"), null, null, "巡查日期", ISO,
            null, "经度", "纬度", "位置描述");
    private static final Roles CITY_PART_ROLES = new Roles(List.of("部件标识码", "X坐标", "Y坐标"), null, null, "普查日期",
            DOTTED, null, "X坐标", "Y坐标", "所在位置");
    private static final Roles FIELD_ROLES = new Roles(List.of("楼栋地址", "经度", "纬度"), null, null, null, null, null,
            "经度", "纬度", "楼栋地址");
    private static final Roles FIELD_PEOPLE_ROLES = new Roles(List.of("姓名", "身份证号", "居住地址"), "身份证号", null, null,
            null, "联系电话", null, null, "居住地址");
    private static final Roles DECLARATION_ROLES = new Roles(List.of("申报编号", "申报类型", "对象标识"), null, null, null, null,
            "联系电话", null, null, "申报内容");
    private static final Roles VERIFICATION_ROLES = new Roles(List.of("任务编号", "申报编号", "核查结果", "核查人编号"), null, null,
            null, null, null, null, null, null);

    private FeedFile feed(Spec spec) {
        return feeds.get(spec);
    }

    static long mix(long seed, long code, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + code * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }


    static String mobileFrom(SplittableRandom r) {
        return "1" + "35789".charAt(r.nextInt(5)) + pad(r.nextInt(1_000_000_000), 9);
    }

    private static String sixDecimals(double v) {
        return GridFiles.decimal(v, 6, false);
    }

    /** A non-negative number left-padded with zeros to the width. */
    static String pad(int n, int width) {
        String s = Integer.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static double round7(double v) {
        return Math.rint(v * 1e7) / 1e7;
    }

    private static String yn(boolean b) {
        return b ? "Y" : "N";
    }
}
