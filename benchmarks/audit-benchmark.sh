#!/usr/bin/env bash
# Speed of `audit --dns off` on a generated Odoo contacts export (default 1 000 000 rows, fixed seed: the same
# file every run). Prints rows/s and the peak RSS (from /usr/bin/time -v). Build the jar first:
#   ./mvnw -B -pl cli -am package -DskipTests
# Usage: benchmarks/audit-benchmark.sh [ROWS] [extra audit options...]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
shift || true
JAR="cli/target/customer-email.jar"
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -pl cli -am package -DskipTests" >&2; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cat > "$TMP/Generate.java" <<'JAVA'
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Writes a deterministic Odoo res.partner export: Odoo quoting (all fields), CRLF, a realistic mix of problems. */
public class Generate {
    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[1]);
        Random r = new Random(20240607L);
        String[] first = {"Juan", "María", "José", "Lucía", "Carlos", "Sofía", "Andrés", "Valentina", "Diego",
            "Camila", "Martín", "Ana", "Pedro", "Rosa", "Jorge", "Gabriela", "Tomás", "Fernanda", "Luis", "Elena"};
        String[] last = {"Pérez", "González", "Rodríguez", "Fernández", "López", "Martínez", "Sánchez", "Gómez",
            "Díaz", "Ramírez", "Torres", "Rojas", "Vargas", "Castro", "Silva", "Morales", "Herrera", "Navarro"};
        String[] popular = {"gmail.com", "hotmail.com", "yahoo.com", "outlook.com", "hotmail.es", "yahoo.com.ar",
            "live.com.mx", "outlook.es", "gmail.com", "hotmail.com.ar", "une.net.co", "terra.com.br"};
        String[] typos = {"gmial.com", "hotmail.con", "gmail.co", "yaho.com", "hotmal.com", "outlok.com"};
        String[] tlds = {"com", "com.ar", "com.mx", "es", "cl", "com.co", "pe", "com.uy", "net", "org"};
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(args[0]),
                StandardCharsets.UTF_8), 1 << 16)) {
            w.write("\"id\",\"name\",\"email\",\"phone\",\"city\",\"country_id\"\r\n");
            for (int i = 0; i < rows; i++) {
                String f = first[r.nextInt(first.length)];
                String l = last[r.nextInt(last.length)];
                String local = ascii(f) + "." + ascii(l) + (r.nextInt(4) == 0 ? Integer.toString(r.nextInt(100)) : "");
                int k = r.nextInt(100);
                String domain = k < 60 ? popular[r.nextInt(popular.length)]
                        : "empresa" + r.nextInt(3000) + "." + tlds[r.nextInt(tlds.length)];
                String email;
                int p = r.nextInt(100);
                if (p < 75) email = local + "@" + domain;
                else if (p < 80) email = (local + "@" + domain).toUpperCase();
                else if (p < 83) email = local + "@" + domain.replace('.', ',');
                else if (p < 85) email = " " + local + " @ " + domain + " ";
                else if (p < 87) email = f + " " + l + " <" + local + "@" + domain + ">";
                else if (p < 88) email = "mailto:" + local + "@" + domain;
                else if (p < 91) email = "";
                else if (p < 93) email = "no tiene";
                else if (p < 95) email = local + "@" + typos[r.nextInt(typos.length)];
                else if (p < 97) email = f.toLowerCase() + " " + l.toLowerCase() + "@" + domain;
                else email = local + "@" + domain + ";";
                String name = r.nextInt(50) == 0 ? l + ", " + f + " S.A." : f + " " + l;
                w.write("\"__export__.res_partner_" + (i + 1) + "_" + Integer.toHexString(r.nextInt()) + "\",\""
                        + name + "\",\"" + email + "\",\"+54 11 4" + (100000 + r.nextInt(900000))
                        + "\",\"Buenos Aires\",\"Argentina\"\r\n");
            }
        }
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
    }
}
JAVA

echo "generating $ROWS rows (seed 20240607)..." >&2
java "$TMP/Generate.java" "$TMP/contacts.csv" "$ROWS"
SIZE=$(stat -c %s "$TMP/contacts.csv")
echo "input: $((SIZE / 1024 / 1024)) MiB" >&2

load_before=$(cut -d' ' -f1 /proc/loadavg)   # other jobs on the machine slow the wall clock down
start=$(date +%s%N)
# shellcheck disable=SC2086  # JAVA_OPTS is a list of JVM options, e.g. JAVA_OPTS=-Xmx64m
/usr/bin/time -v -o "$TMP/time.txt" java ${JAVA_OPTS:-} -jar "$JAR" audit --dns off --format json "$@" \
    "$TMP/contacts.csv" > "$TMP/summary.json"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time.txt")
user=$(awk -F': ' '/User time/ {print $2}' "$TMP/time.txt")
sys=$(awk -F': ' '/System time/ {print $2}' "$TMP/time.txt")
echo "summary: $(cat "$TMP/summary.json")"
echo "rows: $ROWS  wall: ${ms} ms (JVM start included)  rows/s: $(( ROWS * 1000 / ms ))" \
     " CPU: ${user} s user + ${sys} s sys  peak RSS: $((rss / 1024)) MiB  JAVA_OPTS: ${JAVA_OPTS:-none}" \
     " load average before/after: ${load_before} / $(cut -d' ' -f1 /proc/loadavg)"
