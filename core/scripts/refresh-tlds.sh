#!/usr/bin/env bash
# Refreshes the bundled IANA top-level-domain list. Run it by hand on a machine with internet access, review the
# diff (the first line holds IANA's version and date), then commit it. The build never downloads anything.
set -euo pipefail
cd "$(dirname "$0")/../src/main/resources/io/github/customeremail"
curl -fsS -o tlds-alpha-by-domain.txt.new https://data.iana.org/TLD/tlds-alpha-by-domain.txt
head -1 tlds-alpha-by-domain.txt.new | grep -q '^# Version' || { echo "unexpected format" >&2; exit 1; }
mv tlds-alpha-by-domain.txt.new tlds-alpha-by-domain.txt
head -1 tlds-alpha-by-domain.txt
