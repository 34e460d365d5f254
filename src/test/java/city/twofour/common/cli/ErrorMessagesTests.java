package city.twofour.common.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMessagesTests {

    @Test
    void aStoredStackTraceIsShownAsItsInnermostCause() {
        String trace = """
                org.springframework.batch.infrastructure.item.ItemStreamException: Failed to initialize the reader
                \tat org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader.open(X.java:1)
                Caused by: java.lang.IllegalStateException: grids.geojson is not a GeoJSON object
                \tat city.twofour.grid.internal.GeoJsonFeatureReader.doOpen(GeoJsonFeatureReader.java:40)
                """;

        assertThat(ErrorMessages.fromStackTrace(trace)).isEqualTo("grids.geojson is not a GeoJSON object");
    }

    @Test
    void anExceptionIsShownAsTheFirstLineOfItsRootCause() {
        RuntimeException error = new RuntimeException("outer", new IllegalArgumentException("file not found: x.csv\nmore"));

        assertThat(ErrorMessages.oneLine(error)).isEqualTo("file not found: x.csv");
    }
}
