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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
    private FeedRows feedRows;
    private final Map<Spec, FeedFile> feeds = new LinkedHashMap<>();

    public Generator(Scale scale, long seed, double fraction, NoiseModel noise, Path out) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        this.scale = scale;
        this.seed = seed;
        this.density = scale.density() * fraction;
        this.noise = noise;
        this.out = out;
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
        declarationTruth = new Csv(t.resolve("declarations.csv"), "declaration_no", "type", "entity_id", "address_code",
                "grid_code", "is_true", "expected_result");
        feedRows = new FeedRows(t.resolve("feed_rows.csv"));
    }

    private void closeTruth() {
        for (Csv csv : List.of(roads, addresses, buildings, rentals, people, units, facilities, declarationTruth)) {
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
        feedRows.close();
        stats.put("truth.feed_rows", feedRows.rows());
    }

    private void count(String key) {
        stats.merge(key, 1L, Long::sum);
    }

    /** An address a declaration is about, when it is not a room or a building. */
    private record Place(String addressCode, AddressParts parts, Grid grid) {
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
        private final List<Road> villageRoads = new ArrayList<>();
        private int addressSeq;
        private int buildingSeq;
        private int personSeq;
        private int unitSeq;
        private int facilitySeq;
        private int rentalSeq;
        private int declarationSeq;
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
        }

        // ---------------------------------------------------------------- buildings and addresses

        private Building building(Grid grid, Road road, int door, int buildingNo, String existingDoorCode) {
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
            Coordinate p = onBoundary ? boundaryVertex(grid) : straddle ? nearBoundary(grid) : pointIn(grid);
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
                declaration("房屋拆除", building.code(), "BUILDING", building, "楼栋" + buildingParts.standard(), "现场已拆除", true);
            } else if (!demolished && !inHousing && tr.nextDouble() < noise.declarationRate() * 0.3) {
                declaration("新建房屋", building.code(), "BUILDING", building, buildingParts.standard(), floors + "层", true);
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
                declaration("地址更正", code, "ADDRESS", new Place(code, parts, grid), parts.standard(),
                        "门牌地址有误，应为" + parts.standard(), true);
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
                    declaration(local ? "人员迁出" : "租客退租", person.id(), "PERSON", room, person.name(), "已搬离", true);
                } else if (!local && !covered && tr.nextDouble() < noise.declarationRate()) {
                    declaration("租客入住", person.id(), "PERSON", room, person.name(), "新入住", true);
                } else if (!movedOut && tr.nextDouble() < noise.declarationRate() * noise.falseDeclaration() * 0.2) {
                    declaration("人员迁出", person.id(), "PERSON", room, person.name(), "已搬离", false);
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
                declaration("新开业", unit.id(), "UNIT", b, name, "新开业经营", true);
            }
            if (closed && tr.nextDouble() < noise.declarationRate()) {
                declaration("歇业", unit.id(), "UNIT", b, name, "已停止经营", true);
            }
        }

        // ---------------------------------------------------------------- facilities

        private void facility(Grid grid) {
            double u = tr.nextDouble();
            FacilityType type = u < 0.35 ? FacilityType.STREET_LAMP : u < 0.65 ? FacilityType.MANHOLE_COVER
                    : u < 0.80 ? FacilityType.WASTE_BIN : u < 0.92 ? FacilityType.CAMERA : FacilityType.FIRE_HYDRANT;
            boolean onBoundary = tr.nextDouble() < noise.pointOnBoundary();
            Coordinate p = onBoundary ? boundaryVertex(grid) : pointIn(grid);
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
                declaration("新增设施", f.id(), "FACILITY", grid, type.label, road.name() + "旁新增" + type.label, true);
            }
            if (damaged && tr.nextDouble() < noise.declarationRate()) {
                declaration("设施损坏", f.id(), "FACILITY", grid, type.label, type.label + "损坏", true);
            }
        }

        private void hydrantRow(Facility f) {
            emitWithDuplicates(feed(FeedCatalog.HYDRANTS), () -> {
                List<String> tags = new ArrayList<>(boundaryTag(f));
                double[] gcj = ChinaCoordinates.wgs84ToGcj02(f.lon(), f.lat());
                String[] row = {"XHS" + f.id().substring(7), f.road().name() + "旁", sixDecimals(gcj[0]), sixDecimals(gcj[1]),
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
                String[] row = {village.code() + "132" + f.id().substring(f.id().length() - 5), f.road().name() + "枪机",
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
                String[] row = {Divisions.CITY_CODE + f.type().partCode + village.code().substring(6) + f.id().substring(13),
                        f.type().label,
                        f.type().label, townShort + f.road().name(), sixDecimals(bd[0]), sixDecimals(bd[1]),
                        f.damaged() && nr.nextDouble() < 0.5 ? "破损" : "完好", f.installed().format(DOTTED)};
                return new Row(row, truth("FACILITY", f.id(), "", f.grid(), tags), CITY_PART_ROLES);
            });
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
                double jitter = 5.0 / METRES_PER_DEGREE;
                double lon = b.onBoundary() ? b.lon() : b.lon() + (nr.nextDouble() - 0.5) * jitter;
                double lat = b.onBoundary() ? b.lat() : b.lat() + (nr.nextDouble() - 0.5) * jitter;
                LocalDateTime at = EXPORT_DATE.minusDays(nr.nextInt(180)).atTime(8 + nr.nextInt(10), nr.nextInt(60));
                String[] f = {"CJ" + village.code() + pad(++fieldSeq, 5), b.grid().code(),
                        addressAsWritten(b.address(), tags), b.address().building() + "栋", String.valueOf(b.floors()),
                        b.use().label, rental ? "是" : "否", rental ? String.valueOf(rooms) : "0",
                        rental ? name(b.ownerName(), tags) : "", GridFiles.degrees(lon), GridFiles.degrees(lat),
                        collector, at.format(MINUTES)};
                return new Row(f, truth(rental ? "BUILDING+RENTAL_HOUSE" : "BUILDING", b.code(), b.addressCode(), b.grid(), tags),
                        FIELD_ROLES);
            });
        }

        // ---------------------------------------------------------------- declarations and verification

        private void declaration(String type, String entityId, String kind, Object where, String objectName,
                                 String content, boolean isTrue) {
            String no = "SB" + village.code() + pad(++declarationSeq, 5);
            Grid grid;
            String addressCode;
            String addressText;
            if (where instanceof Room room) {
                grid = room.building().grid();
                addressCode = room.addressCode();
                addressText = room.address().standard();
            } else if (where instanceof Building b) {
                grid = b.grid();
                addressCode = b.addressCode();
                addressText = b.address().standard();
            } else if (where instanceof Place place) {
                grid = place.grid();
                addressCode = place.addressCode();
                addressText = place.parts().standard();
            } else {
                grid = (Grid) where;
                addressCode = "";
                addressText = town.name() + village.shortName() + grid.name();
            }
            boolean correction = isTrue && nr.nextDouble() < 0.1;
            String expected = !isTrue ? "不属实" : correction ? "更正" : "属实";
            declarationTruth.row(no, type, entityId, addressCode, grid.code(), yn(isTrue), expected);
            count("declarations");
            LocalDateTime at = EXPORT_DATE.minusDays(1 + nr.nextInt(30)).atTime(nr.nextInt(24), nr.nextInt(60), nr.nextInt(60));
            String declarant = ChineseNames.personName(nr, nr.nextBoolean() ? Sex.MALE : Sex.FEMALE, nr.nextBoolean());
            String phone = mobileFrom(nr);
            List<String> tags = new ArrayList<>();
            String text = kind.equals("FACILITY") ? addressText : addressAsWritten(partsOrNull(where), tags, addressText);
            if (!isTrue) {
                tags.add("FALSE_DECLARATION");
            }
            emit(feed(FeedCatalog.DECLARATIONS), new Row(new String[] {no, type, at.format(SECONDS), text, kind, entityId,
                    objectName, content, declarant, phone}, truth("DECLARATION", no, addressCode, grid, tags), DECLARATION_ROLES));
            if (nr.nextDouble() < 0.9) {
                String result = expected;
                String corrected = correction ? "地址更正为" + addressText : "";
                LocalDateTime done = at.plusHours(4 + nr.nextInt(120));
                String officer = ChineseNames.personName(nr, nr.nextBoolean() ? Sex.MALE : Sex.FEMALE, true);
                emit(feed(FeedCatalog.VERIFICATIONS), new Row(new String[] {"RW" + no.substring(2), no, grid.code(), result,
                        corrected, officer, done.format(MINUTES)},
                        truth("VERIFICATION", no, addressCode, grid, new ArrayList<>()), VERIFICATION_ROLES));
            }
        }

        private AddressParts partsOrNull(Object where) {
            if (where instanceof Room room) {
                return room.address();
            }
            if (where instanceof Building b) {
                return b.address();
            }
            if (where instanceof Place place) {
                return place.parts();
            }
            return null;
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
                    f[c] = nr.nextBoolean() ? f[c].substring(0, f[c].length() - 1) : f[c].substring(0, 3) + "O" + f[c].substring(4);
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
    private static final Roles VERIFICATION_ROLES = new Roles(List.of("任务编号", "申报编号", "核查结果"), null, null, null, null,
            null, null, null, null);

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
