# Sourced by the bench/h2-crash scripts. h2_jar [VERSION]: prints the path of that H2 jar (default:
# the version the pom pins), fetching it from Maven Central first if the local repository lacks it.
h2_jar() {
  local h2="${1:-$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)}"
  local jar="$HOME/.m2/repository/com/h2database/h2/$h2/h2-$h2.jar"
  [[ -f "$jar" ]] || ./mvnw -q dependency:get -Dartifact="com.h2database:h2:$h2" >/dev/null
  echo "$jar"
}
