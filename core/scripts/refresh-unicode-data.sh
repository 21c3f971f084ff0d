#!/usr/bin/env bash
# Regenerates core's bundled Unicode data from ICU4J's copy of the Unicode Character Database (ICU4J is a test-scope
# dependency; bump icu4j.version in the parent pom for a newer Unicode version):
#   idna-table.txt.gz   UTS #46 mapping combined with the IDNA 2008 derived property (RFC 5892)
# Run it by hand, review the version line (zcat FILE | head -1) and the test results, then commit. Needs Maven's
# local repository to hold ICU4J (mvn -pl core test-compile fetches it); the build itself never runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  io.github.customeremail.unicode.UnicodeDataGenerator src/main/resources/io/github/customeremail
zcat src/main/resources/io/github/customeremail/idna-table.txt.gz | head -1
