#!/usr/bin/env bash
# Recreates the shapefile fixtures of load-grids in this folder with pgsql2shp (Debian package postgis),
# querying polygons built with ST_GeomFromText in the project cluster's test database.
#
#   grids.{shp,shx,dbf,prj,cpg}               the layer as a GIS department delivers it: CGCS2000 longitude/latitude
#                                             (ESRI .prj), attributes WGBM/WGMC/SQBM/ZJBM in GBK (.cpg says GBK); a
#                                             polygon with a hole, a multipolygon filling that hole, a null shape and
#                                             a grid of an unknown village; area MJ, date GXRQ and flag YX show the
#                                             numeric, date and logical field types
#   grids.geojson                             the same features as GeoJSON, to compare the two imports
#   grids-gauss-kruger.{shp,shx,dbf,prj}      one grid in projected CGCS2000 3-degree Gauss-Kruger metres, Chinese
#                                             field names in GBK and no .cpg
#   grids-points.{shp,shx,dbf}                a grid delivered as a point, without .prj
#
# Run from anywhere: src/test/resources/grid/shapefile/make-fixtures.sh (needs var/db.env of the project).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
source "$root/var/db.env"
export PGHOST=127.0.0.1 PGPORT=$TWOFOUR_DB_PORT PGUSER=$TWOFOUR_DB_OWNER PGPASSWORD=$TWOFOUR_DB_OWNER_PASSWORD
database=twofour_test
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grids="
SELECT * FROM (VALUES
  (1, '441900006001001', '东正第1网格', '441900006001', '441900006',
      ST_GeomFromText('POLYGON((113.74 23.04,113.75 23.04,113.75 23.05,113.74 23.05,113.74 23.04))', 4490)),
  (2, '441900006001002', '东正第2网格', '441900006001', NULL,
      ST_GeomFromText('POLYGON((113.75 23.04,113.76 23.04,113.76 23.05,113.75 23.05,113.75 23.04))', 4490)),
  (3, '441900006002001', '市桥第1网格', '441900006002', NULL,
      ST_GeomFromText('POLYGON((113.74 23.05,113.75 23.05,113.75 23.06,113.74 23.06,113.74 23.05))', 4490)),
  (4, '441900006002002', '市桥第2网格', '441900006002', NULL,
      ST_GeomFromText('MULTIPOLYGON(((113.75 23.05,113.76 23.05,113.76 23.06,113.75 23.06,113.75 23.05)),
                                    ((113.765 23.045,113.775 23.045,113.775 23.055,113.765 23.055,113.765 23.045)))', 4490)),
  (5, '441900006003001', '北隅第1网格', '441900006003', NULL,
      ST_GeomFromText('POLYGON((113.76 23.04,113.78 23.04,113.78 23.06,113.76 23.06,113.76 23.04),
                               (113.765 23.045,113.775 23.045,113.775 23.055,113.765 23.055,113.765 23.045))', 4490)),
  (6, '441900006003003', '北隅第3网格', '441900006003', NULL, NULL::geometry),
  (7, '441900006099001', '不存在第1网格', '441900006099', NULL,
      ST_GeomFromText('POLYGON((113.78 23.04,113.79 23.04,113.79 23.05,113.78 23.05,113.78 23.04))', 4490))
) AS g(n, code, name, village_code, town_code, geom)
"

# The DBF gets the client encoding: GBK, as departments deliver it; so the query is sent in GBK too.
gbk() { printf '%s' "$1" | iconv -f UTF-8 -t GBK; }
PGCLIENTENCODING=GBK pgsql2shp -q -f "$work/grids" $database "$(gbk "SELECT code AS \"WGBM\", name AS \"WGMC\", village_code AS \"SQBM\", town_code AS \"ZJBM\",
       round(ST_Area(geom::geography)::numeric, 1) AS \"MJ\", DATE '2026-11-01' AS \"GXRQ\", n <> 7 AS \"YX\", geom
  FROM ($grids) g ORDER BY n")"
psql -q -X -A -t -d $database -o "$work/grids.geojson" -c "
SELECT json_build_object('type', 'FeatureCollection',
         'crs', json_build_object('type', 'name', 'properties', json_build_object('name', 'EPSG:4490')),
         'features', json_agg(json_build_object('type', 'Feature',
           'properties', json_strip_nulls(json_build_object('code', code, 'name', name,
                                                            'village_code', village_code, 'town_code', town_code)),
           'geometry', ST_AsGeoJSON(geom, 15, 0)::json) ORDER BY n))
  FROM ($grids) g"

PGCLIENTENCODING=GBK pgsql2shp -q -f "$work/grids-gauss-kruger" $database "$(gbk "SELECT '441900006003008' AS \"网格编码\", '北隅第8网格' AS \"网格名称\", '441900006003' AS \"村社区编码\",
       ST_GeomFromText('POLYGON((377000 2548000,377500 2548000,377500 2548500,377000 2548500,377000 2548000))', 4547) AS geom")"

pgsql2shp -q -f "$work/grids-points" $database "SELECT '441900006003004' AS code, ST_GeomFromText('POINT(113.74 23.04)') AS geom"

cgcs2000='GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
printf '%s' "$cgcs2000" > "$work/grids.prj"
printf 'GBK' > "$work/grids.cpg"
printf 'PROJCS["CGCS2000_3_Degree_GK_CM_114E",%s,PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]' \
    "$cgcs2000" > "$work/grids-gauss-kruger.prj"
rm -f "$work/grids-gauss-kruger.cpg" "$work/grids-points.cpg" "$work/grids-points.prj"

cp "$work"/grids.{shp,shx,dbf,prj,cpg} "$work"/grids.geojson "$work"/grids-gauss-kruger.{shp,shx,dbf,prj} \
    "$work"/grids-points.{shp,shx,dbf} "$here/"
