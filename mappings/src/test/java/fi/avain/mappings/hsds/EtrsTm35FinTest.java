package fi.avain.mappings.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EtrsTm35FinTest {

    // The first point is the worked example of JHS 197 annex 3, far west of the central meridian.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "JHS 197 example in Aland, 6715706.37708, 106256.35961, 60.3851068722, 19.84813676944, 0.0000001",
            "Helsinki Cathedral, 6672150, 386379, 60.1704, 24.9522, 0.0001",
            "the equator at the false easting, 0, 500000, 0.0, 27.0, 0.0000001"})
    void convertsPlaneCoordinatesToLatitudeAndLongitude(String place, double northing, double easting,
            double latitude, double longitude, double tolerance) {
        double[] wgs84 = EtrsTm35Fin.toWgs84(northing, easting);

        assertThat(wgs84[0]).isCloseTo(latitude, within(tolerance));
        assertThat(wgs84[1]).isCloseTo(longitude, within(tolerance));
    }
}
