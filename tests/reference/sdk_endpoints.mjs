// The reference for tests/endpoints.rs: the URL the AWS SDK for JavaScript v3 resolves for
// cognito-idp, through its own endpoint resolver, for every region of every partition it knows
// (plus regions it only knows by pattern, and one it does not know), with every combination of
// useFipsEndpoint and useDualstackEndpoint. Prints a JSON array of
// {region, fips, dualStack, url} or {region, fips, dualStack, error}.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";

const sdk = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "node_modules", "@aws-sdk");
const { partitionsInfo } = await import(join(sdk, "core", "dist-es", "submodules", "client", "util-endpoints", "lib", "aws", "partitions.js"));
// The client's own endpoint provider: what it resolves before every request.
const resolve = new CognitoIdentityProviderClient({ region: "us-east-1" }).config.endpointProvider;

const regions = partitionsInfo.partitions.flatMap((p) => Object.keys(p.regions));
regions.push("us-east-9", "cn-northwest-9", "us-gov-east-9", "eusc-de-west-9", "us-iso-west-9", "us-isob-west-9", "eu-isoe-west-9", "us-isof-east-9", "xx-unknown-1", "mars");
const out = [];
for (const region of regions) {
  for (const fips of [false, true]) {
    for (const dualStack of [false, true]) {
      try {
        const { url } = resolve({ Region: region, UseFIPS: fips, UseDualStack: dualStack });
        out.push({ region, fips, dualStack, url: url.href });
      } catch (e) {
        out.push({ region, fips, dualStack, error: e.message });
      }
    }
  }
}
process.stdout.write(JSON.stringify(out));
