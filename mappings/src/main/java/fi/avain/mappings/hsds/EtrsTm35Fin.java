package fi.avain.mappings.hsds;

/**
 * ETRS-TM35FIN (EPSG:3067) plane coordinates to geographic ETRS89 latitude and longitude, which
 * equal WGS84 to well under a metre. Transverse Mercator inverse on the GRS80 ellipsoid, central
 * meridian 27°E, scale 0.9996, false easting 500 000 m, using the series of JHS 197 (the Finnish
 * public-sector recommendation on map projections), accurate to millimetres inside the zone.
 */
final class EtrsTm35Fin {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;
    private static final double K0 = 0.9996;
    private static final double FALSE_EASTING = 500_000.0;
    private static final double CENTRAL_MERIDIAN = Math.toRadians(27);
    private static final double N = F / (2 - F);
    private static final double A1 = A / (1 + N) * (1 + N * N / 4 + Math.pow(N, 4) / 64);
    private static final double E = Math.sqrt(2 * F - F * F);
    private static final double[] H = {
            N / 2 - 2.0 / 3 * N * N + 37.0 / 96 * Math.pow(N, 3) - 1.0 / 360 * Math.pow(N, 4),
            1.0 / 48 * N * N + 1.0 / 15 * Math.pow(N, 3) - 437.0 / 1440 * Math.pow(N, 4),
            17.0 / 480 * Math.pow(N, 3) - 37.0 / 840 * Math.pow(N, 4),
            4397.0 / 161280 * Math.pow(N, 4)};
    private static final int LATITUDE_ITERATIONS = 6;

    private EtrsTm35Fin() {
    }

    /** Returns {latitude, longitude} in degrees. */
    static double[] toWgs84(double northing, double easting) {
        double xi = northing / (A1 * K0);
        double eta = (easting - FALSE_EASTING) / (A1 * K0);
        double xiPrime = xi;
        double etaPrime = eta;
        for (int j = 1; j <= H.length; j++) {
            xiPrime -= H[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
            etaPrime -= H[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
        }
        double beta = Math.asin(Math.sin(xiPrime) / Math.cosh(etaPrime));
        double l = Math.asin(Math.tanh(etaPrime) / Math.cos(beta));
        double q = asinh(Math.tan(beta));
        double qPrime = q;
        for (int i = 0; i < LATITUDE_ITERATIONS; i++) {
            qPrime = q + E * atanh(E * Math.tanh(qPrime));
        }
        return new double[] {Math.toDegrees(Math.atan(Math.sinh(qPrime))), Math.toDegrees(CENTRAL_MERIDIAN + l)};
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
