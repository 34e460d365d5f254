package city.twofour.samples.internal;

import city.twofour.population.Sex;
import city.twofour.samples.internal.OperationalMap.Grid;
import java.time.LocalDate;
import org.locationtech.jts.geom.Polygon;

/** The true entities of one village, as the generator builds them. */
final class Entities {

    private Entities() {
    }

    record Road(String code, String name) {
    }

    enum BuildingUse {
        RESIDENTIAL("住宅"), APARTMENT("住宅"), SHOP("商住"), FACTORY("工业"), PUBLIC("公共服务"), DEMOLISHED("住宅");

        final String label;

        BuildingUse(String label) {
            this.label = label;
        }
    }

    /** The parts of a standard address; zero means the level is absent. */
    record AddressParts(String townName, String villageShort, String villageBare, String villageFull, String road,
                        int door, int building, int unit, int room) {

        String standard() {
            StringBuilder sb = new StringBuilder(townName).append(villageShort).append(road).append(door).append('号');
            if (building > 0) {
                sb.append(building).append('栋');
            }
            if (unit > 0) {
                sb.append(unit).append("单元");
            }
            if (room > 0) {
                sb.append(room).append('室');
            }
            return sb.toString();
        }

        AddressParts building(int b) {
            return new AddressParts(townName, villageShort, villageBare, villageFull, road, door, b, 0, 0);
        }

        AddressParts room(int u, int r) {
            return new AddressParts(townName, villageShort, villageBare, villageFull, road, door, building, u, r);
        }
    }

    record Building(String code, String addressCode, String doorAddressCode, Road road, AddressParts address,
                    BuildingUse use, int floors, int units, int roomsPerFloor, double lon, double lat,
                    Polygon footprint, Grid grid, boolean straddles, boolean onBoundary, String ownerName,
                    String ownerId, String ownerPhone, LocalDate registered, boolean demolished) {

        int rooms() {
            return units * floors * roomsPerFloor;
        }

        /** The address of a room by its index in the order rooms are numbered: unit, floor, room on the floor. */
        AddressParts roomAddress(int index) {
            int unit = index / (floors * roomsPerFloor) + 1;
            int floor = index / roomsPerFloor % floors + 1;
            return address.room(units > 1 ? unit : 0, floor * 100 + index % roomsPerFloor + 1);
        }

        int roomIndex(Room room) {
            return ((room.unit() - 1) * floors + room.floor() - 1) * roomsPerFloor + room.number() % 100 - 1;
        }
    }

    record Room(String addressCode, AddressParts address, Building building, int unit, int floor, int number) {
    }

    record Person(String id, String citizenId, String name, Sex sex, LocalDate birth, boolean local,
                  String[] origin, Room room, String phone, LocalDate registered, boolean movedOut) {
    }

    enum UnitKind {
        ENTERPRISE("有限责任公司(自然人投资或控股)"), INDIVIDUAL("个体工商户"), INSTITUTION("事业单位"), SOCIAL_ORGANIZATION("社会团体");

        final String label;

        UnitKind(String label) {
            this.label = label;
        }
    }

    record Unit(String id, String creditCode, String name, UnitKind kind, String legalRepresentative,
                Building building, LocalDate established, boolean closed, String phone) {
    }

    enum FacilityType {
        STREET_LAMP("路灯", "0401"), MANHOLE_COVER("井盖", "0103"), WASTE_BIN("垃圾桶", "0505"),
        CAMERA("摄像头", ""), FIRE_HYDRANT("消防栓", "");

        final String label;
        final String partCode;

        FacilityType(String label, String partCode) {
            this.label = label;
            this.partCode = partCode;
        }
    }

    record Facility(String id, FacilityType type, double lon, double lat, Grid grid, boolean onBoundary,
                    boolean damaged, Road road, LocalDate installed) {
    }
}
