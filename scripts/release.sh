#!/usr/bin/env bash
# Cuts a release of customer-email.
#
#   scripts/release.sh [--dry-run] RELEASE_VERSION NEXT_SNAPSHOT_VERSION
#   e.g. scripts/release.sh 0.2.0 0.3.0-SNAPSHOT
#
# Steps, on a clean work tree:
#   1. sets RELEASE_VERSION in every POM, the READMEs' dependency snippets and examples/consumer, and the
#      reproducible-build timestamp (project.build.outputTimestamp) to now;
#   2. moves CHANGELOG.md's "Unreleased" entries under "## [RELEASE_VERSION] - today";
#   3. builds, tests and deploys the published modules (BOM, parent, core, dns, bean-validation, cli) to the file
#      repository target/file-repo (REPO=file:///... to deploy elsewhere; MAVEN_ARGS=-Prelease to sign: Maven 3.9 reads it);
#   4. commits "Release RELEASE_VERSION" and tags it vRELEASE_VERSION;
#   5. sets NEXT_SNAPSHOT_VERSION and commits. Nothing is pushed.
#
# --dry-run does all of that in a temporary clone of HEAD, without the tests, sources and javadoc jars (CI's build has
# made those), prints what it did and removes the clone: the work tree and the tags here are left as they are. CI
# runs it.
set -euo pipefail

dry_run=false
if [[ "${1:-}" == "--dry-run" ]]; then
  dry_run=true
  shift
fi
if [[ $# -ne 2 ]]; then
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
release=$1
next=$2
[[ "$release" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "release version must be X.Y.Z: $release" >&2; exit 2; }
[[ "$next" =~ ^[0-9]+\.[0-9]+\.[0-9]+-SNAPSHOT$ ]] || { echo "next version must be X.Y.Z-SNAPSHOT: $next" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[[ -z "$(git status --porcelain)" ]] || { echo "the work tree has uncommitted changes" >&2; exit 1; }
if git rev-parse -q --verify "refs/tags/v$release" >/dev/null; then
  echo "tag v$release exists already" >&2
  exit 1
fi

if $dry_run; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  git clone -q "$root" "$work/clone"
  cd "$work/clone"
  # CI's own build has run the tests and deployed sources and javadoc; the dry run checks the release steps.
  build_args=(-DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)
  echo "dry run in $work/clone (removed at the end)"
else
  build_args=()
fi
git_as_releaser() {   # git with an identity, also on a machine that has none configured (CI)
  git -c user.name="$(git config user.name || echo 'customer-email release')" \
      -c user.email="$(git config user.email || echo 'release@localhost')" "$@"
}

current=$(grep -m1 -A1 '<artifactId>customer-email-parent</artifactId>' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p')
[[ -n "$current" ]] || { echo "cannot read the current version from pom.xml" >&2; exit 1; }

set_version() {   # from to
  local files
  files=$(git ls-files '*pom.xml' 'README.md' '*/README.md')
  # Only this project's own version string is replaced: no third-party artifact has a version like ours.
  sed -i "s|>$1<|>$2<|g" $files
  if grep -rq ">$1<" $files; then
    echo "version $1 still present after setting $2" >&2
    exit 1
  fi
}

echo "version $current -> $release"
set_version "$current" "$release"
timestamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sed -i "s|<project.build.outputTimestamp>[^<]*<|<project.build.outputTimestamp>$timestamp<|" pom.xml examples/consumer/pom.xml
grep -q '^## \[Unreleased\]' CHANGELOG.md || { echo "CHANGELOG.md has no '## [Unreleased]' section" >&2; exit 1; }
sed -i "s|^## \[Unreleased\]|## [Unreleased]\n\n## [$release] - $(date -u +%Y-%m-%d)|" CHANGELOG.md

repo=${REPO:-file://$PWD/target/file-repo}
echo "building and deploying to $repo"
./mvnw -B -q "${build_args[@]}" -pl bom,core,dns,bean-validation,cli -am deploy \
  -DaltDeploymentRepository="release::$repo"

git add -A
git_as_releaser commit -q -m "Release $release"
git_as_releaser tag -a "v$release" -m "customer-email $release"
echo "tagged v$release at $(git rev-parse --short HEAD)"

set_version "$release" "$next"
git add -A
git_as_releaser commit -q -m "Start $next"
echo "version $next"

if $dry_run; then
  repo_dir=${repo#file://}
  echo "dry run: would have deployed:"
  (cd "$repo_dir" && find . -name "*-$release*.jar" -o -name "*-$release.pom" | sort | sed 's|^\./|  |')
  for module in core dns bean-validation cli; do
    jar="$repo_dir/io/github/customeremail/customer-email-$module/$release/customer-email-$module-$release.jar"
    [[ -f "$jar" ]] || { echo "dry run: customer-email-$module-$release.jar was not deployed" >&2; exit 1; }
  done
  [[ -f "$repo_dir/io/github/customeremail/customer-email-bom/$release/customer-email-bom-$release.pom" ]] \
    || { echo "dry run: the BOM was not deployed" >&2; exit 1; }
  git log --oneline -3 | sed 's/^/  /'
else
  echo "done: push the commits and the tag v$release when the deploy is verified"
fi
