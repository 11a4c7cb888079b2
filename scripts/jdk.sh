# Sourced by the project's scripts: selects a JDK 25 without the user setting anything.
# Order: JAVA_HOME if it is 25 or newer, then any JDK 25+ under /usr/lib/jvm, then `java` on PATH.

ssc_java_major() { # prints the major version of the java binary given as $1
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

ssc_select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(ssc_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      ssc_quiet_maven
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    major=$(ssc_java_major "$(command -v java)")
    if [ "${major%%.*}" -ge 25 ] 2>/dev/null; then ssc_quiet_maven; return 0; fi
  fi
  echo "No JDK 25 found. Install one (e.g. Temurin 25 or openjdk-25-jdk-headless) under /usr/lib/jvm or set JAVA_HOME." >&2
  return 1
}

ssc_quiet_maven() { # Maven 3.8's own libraries use sun.misc.Unsafe, which JDK 25 warns about on every run
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
}
