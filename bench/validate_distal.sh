#!/usr/bin/env bash
# distal_reward_lif over its whole 60 s through `validate`: the sample validates (against the
# divergence floor's learning-rule runs where its activity branches), and the chip compiled with a
# wrong learning rule (ee at half its learning rate; ee's A_minus 20 % smaller) fails. These are the
# JUnit tests tagged "long" (cli/src/test/.../DistalRewardLongTest.java), which `mvn verify` leaves
# out: about 7 minutes on 2 cores. Usage: bench/validate_distal.sh
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
mvn -B -q -pl cli -am test -Dneuromap.test.excludedGroups= -Dgroups=long -Dtest=DistalRewardLongTest \
    -Dsurefire.failIfNoSpecifiedTests=false
echo "validate_distal: 3 checks passed in $(( $(date +%s) - start )) s"
