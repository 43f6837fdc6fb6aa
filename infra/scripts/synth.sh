#!/bin/sh
# `npm run synth [-- <cdk synth options>]`: synthesizes every stack offline, without credentials.
# The region comes from -c region=…, XJF_REGION, AWS_REGION, AWS_DEFAULT_REGION or the profile's;
# when none of them is set, the example region below is used (and said), because without one the
# CDK CLI would silently pick us-east-1. A deployment always names its region (infra/README.md).
EXAMPLE_REGION=ap-southeast-1
case " $* " in
*" -c region="* | *" --context region="*) ;;
*)
  if [ -z "${XJF_REGION}${AWS_REGION}${AWS_DEFAULT_REGION}${AWS_PROFILE}" ]; then
    echo "note: no region is set, so this synthesizes for the example region ${EXAMPLE_REGION} (set XJF_REGION or -c region=… for yours)" >&2
    export XJF_REGION="${EXAMPLE_REGION}"
  fi
  ;;
esac
exec cdk synth "$@"
