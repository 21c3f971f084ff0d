#!/usr/bin/env bash
# Refreshes the bundled community list of disposable domains (npm package disposable-email-domains, MIT:
# index.json + wildcard.json, the latter marked "*" to cover subdomains) into disposable-domains-community.txt.gz,
# sorted, minus disposable-allowed.txt and minus the known-domain dictionary. Run it by hand on a machine that reaches the npm registry, review the count
# and the test results (DisposableDomainsTest), then commit. The build never downloads anything.
set -euo pipefail
res="$(cd "$(dirname "$0")/../src/main/resources/io/github/customeremail" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent disposable-email-domains >/dev/null && tar xzf disposable-email-domains-*.tgz)
node - "$work/package" "$res" <<'JS'
const fs = require('fs');
const [pkg, res] = process.argv.slice(2);
const version = JSON.parse(fs.readFileSync(pkg + '/package.json')).version;
// index.json names domains, wildcard.json domains whose every subdomain is disposable too: written "*domain".
const wildcard = new Set(require(pkg + '/wildcard.json').map(d => d.trim().toLowerCase()));
const listed = [...require(pkg + '/index.json'), ...wildcard];
const names = file => fs.readFileSync(res + '/' + file, 'utf8').split('\n')
  .map(l => l.trim().split(/\s+/)[0]).filter(l => l && !l.startsWith('#'));
const allowed = names('disposable-allowed.txt');
const known = new Set(names('known-domains.txt'));
const covered = d => allowed.some(a => d === a || d.endsWith('.' + a));
const kept = [...new Set(listed.map(d => d.trim().toLowerCase()))]
  .filter(d => /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(d) && !covered(d) && !known.has(d)).sort()
  .map(d => wildcard.has(d) ? '*' + d : d);
const header = `# disposable-email-domains ${version} (MIT, https://github.com/ivolo/disposable-email-domains): ` +
  `index.json + wildcard.json ("*": with subdomains), ${kept.length} domains, minus disposable-allowed.txt and known-domains.txt\n`;
fs.writeFileSync(res + '/disposable-domains-community.txt', header + kept.join('\n') + '\n');
console.log(header.trim());
JS
gzip -9 -n -f "$res/disposable-domains-community.txt"
