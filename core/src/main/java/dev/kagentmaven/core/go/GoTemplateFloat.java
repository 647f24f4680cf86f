package dev.kagentmaven.core.go;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Go's strconv.FormatFloat(v, fmt, prec, 64) for the formats b, e, E, f, g, G, x, X (prec -1 = shortest). */
final class GoTemplateFloat {
    private GoTemplateFloat() {
    }

    /** Decimal digits d (no leading/trailing zeros; "" for zero) with the value 0.d × 10^dp. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }

        char at(int i) {
            return d.charAt(i);
        }
    }

    static String format(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = Double.doubleToRawLongBits(v) < 0;
        if (fmt == 'b') {
            return binary(v, neg);
        }
        if (fmt == 'x' || fmt == 'X') {
            return hex(v, neg, prec, fmt);
        }
        double a = Math.abs(v);
        boolean shortest = prec < 0;
        Digits d;
        if (shortest) {
            d = shortest(a);
            prec = switch (fmt) {
                case 'e', 'E' -> Math.max(d.nd() - 1, 0);
                case 'f' -> Math.max(d.nd() - d.dp(), 0);
                default -> d.nd();
            };
        } else if (fmt == 'f') {
            d = digits(new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN));
        } else {
            if ((fmt == 'g' || fmt == 'G') && prec == 0) {
                prec = 1;
            }
            int n = (fmt == 'e' || fmt == 'E') ? prec + 1 : prec;
            d = a == 0 ? new Digits("", 0) : digits(new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_EVEN)));
        }
        return formatDigits(neg, d, prec, fmt, shortest);
    }

    private static Digits shortest(double a) {
        if (a == 0) {
            return new Digits("", 0);
        }
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p < 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(r.toString()) == a) {
                return digits(r);
            }
        }
        return digits(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static Digits digits(BigDecimal bd) {
        if (bd.signum() == 0) {
            return new Digits("", 0);
        }
        BigDecimal s = bd.stripTrailingZeros();
        String u = s.unscaledValue().abs().toString();
        return new Digits(u, u.length() - s.scale());
    }

    private static String formatDigits(boolean neg, Digits d, int prec, char fmt, boolean shortest) {
        switch (fmt) {
            case 'e', 'E':
                return fmtE(neg, d, prec, fmt);
            case 'f', 'F':
                return fmtF(neg, d, prec);
            default:
                int eprec = prec;
                if (eprec > d.nd() && d.nd() >= d.dp()) {
                    eprec = d.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = d.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    return fmtE(neg, d, Math.min(prec, d.nd()) - 1, fmt == 'g' ? 'e' : 'E');
                }
                return fmtF(neg, d, Math.max((prec > d.dp() ? d.nd() : prec) - d.dp(), 0));
        }
    }

    private static String fmtE(boolean neg, Digits d, int prec, char fmt) {
        StringBuilder b = new StringBuilder(neg ? "-" : "");
        b.append(d.nd() == 0 ? '0' : d.at(0));
        if (prec > 0) {
            b.append('.');
            for (int i = 1; i <= prec; i++) {
                b.append(i < d.nd() ? d.at(i) : '0');
            }
        }
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        b.append(fmt).append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        return b.append(exp < 10 ? "0" + exp : String.valueOf(exp)).toString();
    }

    private static String fmtF(boolean neg, Digits d, int prec) {
        StringBuilder b = new StringBuilder(neg ? "-" : "");
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            b.append(d.d(), 0, m);
            b.append("0".repeat(d.dp() - m));
        } else {
            b.append('0');
        }
        if (prec > 0) {
            b.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = d.dp() + i - 1;
                b.append(j >= 0 && j < d.nd() ? d.at(j) : '0');
            }
        }
        return b.toString();
    }

    /** %b: decimal mantissa and binary exponent, e.g. 4503599627370496p-52. */
    private static String binary(double v, boolean neg) {
        long bits = Double.doubleToRawLongBits(v);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp += -1023 - 52;
        return (neg ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    /** %x: -0x1.yyyyp±dd. */
    private static String hex(double v, boolean neg, int prec, char fmt) {
        long bits = Double.doubleToRawLongBits(v);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp -= 1023;
        if (mant == 0) {
            exp = 0;
        }
        mant <<= 60 - 52;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > (1L << 59)) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        return hexDigits(neg, mant, exp, prec, fmt);
    }

    private static String hexDigits(boolean neg, long mant, int exp, int prec, char fmt) {
        String digits = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder b = new StringBuilder(neg ? "-" : "").append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            b.append('.');
            while (mant != 0) {
                b.append(digits.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            b.append('.');
            for (int i = 0; i < prec; i++) {
                b.append(digits.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        b.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        return b.append(exp < 10 ? "0" + exp : String.valueOf(exp)).toString();
    }
}
