package fi.avain.routes.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Charts as inline SVG, drawn here so the report needs no script and no network: a line chart of
 * values by month and a horizontal bar chart whose bars stack named segments (negative ones to the left
 * of zero). Markup is well-formed XML; every text is escaped.
 */
final class SvgCharts {
    static final String[] COLORS = {"#1f6f8b", "#e07a1f", "#4c9a2a", "#8e44ad", "#c0392b", "#5d6d7e", "#16a085",
        "#b7950b", "#2e4053", "#d35400"};
    private static final int WIDTH = 760;
    private static final int LEFT = 80;
    private static final int RIGHT = 24;
    private static final int TOP = 16;
    private static final int PLOT_HEIGHT = 220;
    private static final int LEGEND_ROW = 18;
    private static final int LABEL_WIDTH = 250;
    private static final int BAR = 18;
    private static final int BAR_GAP = 8;

    private SvgCharts() {
    }

    /** A named line; a null value is a gap (a suppressed month). */
    record Series(String name, List<BigDecimal> values) {
    }

    record Segment(String name, BigDecimal value) {
    }

    record Bar(String label, List<Segment> segments) {
        BigDecimal total() {
            return segments.stream().map(Segment::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    static String lines(String title, List<String> xLabels, List<Series> series) {
        List<BigDecimal> all = new ArrayList<>();
        series.forEach(s -> s.values().stream().filter(v -> v != null).forEach(all::add));
        if (series.isEmpty() || all.isEmpty()) {
            return empty(title);
        }
        double[] range = range(all.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0),
                all.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0));
        int legendTop = TOP + PLOT_HEIGHT + 40;
        int height = legendTop + LEGEND_ROW * series.size() + 8;
        StringBuilder svg = open(title, height);
        int plotWidth = WIDTH - LEFT - RIGHT;
        yAxis(svg, range, TOP, PLOT_HEIGHT);
        double step = xLabels.size() > 1 ? (double) plotWidth / (xLabels.size() - 1) : 0;
        for (int i = 0; i < xLabels.size(); i++) {
            double x = LEFT + i * step;
            svg.append(text(x, TOP + PLOT_HEIGHT + 18, "middle", "axis", xLabels.get(i)));
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String color = color(s);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.values().size() && i < xLabels.size(); i++) {
                BigDecimal value = line.values().get(i);
                if (value == null) {
                    polyline(svg, points, color);
                    continue;
                }
                double x = LEFT + i * step;
                double y = TOP + y(value.doubleValue(), range, PLOT_HEIGHT);
                points.append(number(x)).append(',').append(number(y)).append(' ');
                svg.append("<circle cx=\"").append(number(x)).append("\" cy=\"").append(number(y))
                        .append("\" r=\"3\" fill=\"").append(color).append("\"><title>")
                        .append(escape(line.name() + ", " + xLabels.get(i) + ": " + money(value)))
                        .append("</title></circle>");
            }
            polyline(svg, points, color);
            legend(svg, LEFT, legendTop + s * LEGEND_ROW, color, line.name());
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars; {@code legend} names the segments, whose colours follow its order. */
    static String bars(String title, List<Bar> bars, List<String> legend, Function<BigDecimal, String> format) {
        if (bars.isEmpty()) {
            return empty(title);
        }
        double min = 0;
        double max = 0;
        for (Bar bar : bars) {
            double negative = 0;
            double positive = 0;
            for (Segment s : bar.segments()) {
                double v = s.value().doubleValue();
                if (v < 0) {
                    negative += v;
                } else {
                    positive += v;
                }
            }
            min = Math.min(min, negative);
            max = Math.max(max, positive);
        }
        double[] range = range(min, max);
        int plotLeft = LABEL_WIDTH + 10;
        int plotWidth = WIDTH - plotLeft - RIGHT - 70;
        int plotHeight = bars.size() * (BAR + BAR_GAP);
        int legendTop = TOP + plotHeight + 36;
        int height = legendTop + LEGEND_ROW * Math.max(1, legend.size()) + 8;
        StringBuilder svg = open(title, height);
        double zero = plotLeft + x(0, range, plotWidth);
        for (double value : ticks(range)) {
            double x = plotLeft + x(value, range, plotWidth);
            svg.append(line(x, TOP, x, TOP + plotHeight, "grid"))
                    .append(text(x, TOP + plotHeight + 16, "middle", "axis", tick(value)));
        }
        for (int b = 0; b < bars.size(); b++) {
            Bar bar = bars.get(b);
            double y = TOP + b * (BAR + BAR_GAP);
            svg.append(text(LABEL_WIDTH, y + BAR - 5, "end", "label", shorten(bar.label(), 40)));
            double right = zero;
            double left = zero;
            for (Segment segment : bar.segments()) {
                double width = Math.abs(x(segment.value().doubleValue(), range, plotWidth) - x(0, range, plotWidth));
                if (width <= 0) {
                    continue;
                }
                double start;
                if (segment.value().signum() < 0) {
                    left -= width;
                    start = left;
                } else {
                    start = right;
                    right += width;
                }
                int index = Math.max(0, legend.indexOf(segment.name()));
                svg.append("<rect x=\"").append(number(start)).append("\" y=\"").append(number(y))
                        .append("\" width=\"").append(number(width)).append("\" height=\"").append(BAR)
                        .append("\" fill=\"").append(color(index)).append("\"><title>")
                        .append(escape(bar.label() + ", " + segment.name() + ": " + format.apply(segment.value())))
                        .append("</title></rect>");
            }
            svg.append(text(right + 4, y + BAR - 5, "start", "value", format.apply(bar.total())));
        }
        svg.append(line(zero, TOP, zero, TOP + plotHeight, "zero"));
        for (int i = 0; i < legend.size(); i++) {
            legend(svg, plotLeft, legendTop + i * LEGEND_ROW, color(i), legend.get(i));
        }
        return svg.append("</svg>").toString();
    }

    static String color(int index) {
        return COLORS[index % COLORS.length];
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    static String money(BigDecimal value) {
        return value == null ? "" : String.format(Locale.ROOT, "%,.2f", value).replace(',', ' ');
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\"><title>").append(escape(title)).append("</title>");
    }

    private static String empty(String title) {
        return open(title, 60).append(text(WIDTH / 2.0, 34, "middle", "label", "No figures to draw for this period"))
                .append("</svg>").toString();
    }

    private static void yAxis(StringBuilder svg, double[] range, int top, int height) {
        for (double value : ticks(range)) {
            double y = top + y(value, range, height);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, value == 0 ? "zero" : "grid"))
                    .append(text(LEFT - 6, y + 4, "end", "axis", tick(value)));
        }
    }

    private static void polyline(StringBuilder svg, StringBuilder points, String color) {
        if (points.length() > 0) {
            svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
            points.setLength(0);
        }
    }

    private static void legend(StringBuilder svg, double x, double y, String color, String name) {
        svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"12\" ")
                .append("height=\"12\" fill=\"").append(color).append("\"/>")
                .append(text(x + 18, y + 10, "start", "label", name));
    }

    private static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return "<line class=\"" + cssClass + "\" x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\""
                + number(x2) + "\" y2=\"" + number(y2) + "\"/>";
    }

    private static String text(double x, double y, String anchor, String cssClass, String text) {
        return "<text class=\"" + cssClass + "\" x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\""
                + anchor + "\">" + escape(text) + "</text>";
    }

    /**
     * A range from the data's minimum (or 0) to its maximum (or 0), widened to a round step: {low, high,
     * step}, with zero on a step.
     */
    private static double[] range(double min, double max) {
        double low = Math.min(0, min);
        double high = Math.max(0, max);
        if (high - low == 0) {
            high = 1;
        }
        double step = niceStep((high - low) / 4);
        return new double[] {Math.floor(low / step) * step, Math.ceil(high / step) * step, step};
    }

    private static List<Double> ticks(double[] range) {
        List<Double> out = new ArrayList<>();
        long steps = Math.round((range[1] - range[0]) / range[2]);
        for (long i = 0; i <= steps; i++) {
            out.add(range[0] + i * range[2]);
        }
        return out;
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static double y(double value, double[] range, int height) {
        return height - (value - range[0]) / (range[1] - range[0]) * height;
    }

    private static double x(double value, double[] range, int width) {
        return (value - range[0]) / (range[1] - range[0]) * width;
    }

    private static String tick(double value) {
        return BigDecimal.valueOf(value).setScale(Math.abs(value) < 10 && value != Math.rint(value) ? 2 : 0,
                RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
