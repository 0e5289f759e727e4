// Points Node's own Azure identity and Microsoft Graph clients at the testkit's standalone fake and
// checks what a B2C backup reads: a token, the backup app's service principal, its app role
// assignments (paged), and the tenant's user flows from beta. Exits 1 on any mismatch.
//
// Usage: node check.mjs INFO_JSON   (the file the standalone jar wrote with --info-out)
// The fake's certificate must be trusted before Node starts: NODE_EXTRA_CA_CERTS=fake.pem.
// Expectations below follow seed.json in this folder; change them together.
import { readFileSync } from "node:fs";
import { ClientSecretCredential } from "@azure/identity";
import { Client } from "@microsoft/microsoft-graph-client";

const EXPECTED_ASSIGNMENTS = 13; // the 14 backup permissions, without User-Phone.ReadWrite.All
const EXPECTED_USER_FLOWS = ["B2C_1_pwreset", "B2C_1_susi"];
const PAGE_SIZE = 4; // small, so the assignments come in several pages

const failures = [];
function expect(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

const infoFile = process.argv[2];
if (!infoFile) {
  console.error("usage: node check.mjs INFO_JSON");
  process.exit(2);
}
const info = JSON.parse(readFileSync(infoFile, "utf8"));
const tenant = info.tenants[0];
const graphHost = new URL(info.graphHost);
for (const url of [info.graphHost, info.authorityHost]) {
  if (new URL(url).hostname !== "127.0.0.1") {
    throw new Error(`refusing to call ${url}: this check only talks to loopback`);
  }
}

// No instance discovery and no authority validation: the only host identity talks to is the fake.
const credential = new ClientSecretCredential(tenant.tenantId, tenant.clientId, tenant.clientSecret, {
  authorityHost: info.authorityHost,
  disableInstanceDiscovery: true,
});
const token = await credential.getToken(tenant.scope);
expect(typeof token?.token === "string" && token.token.split(".").length === 3,
  "ClientSecretCredential got a JWT from the fake's token endpoint");
const claims = JSON.parse(Buffer.from(token.token.split(".")[1], "base64url").toString("utf8"));
expect(claims.tid === tenant.tenantId, `token is for tenant ${tenant.tenantId}`);
expect(Array.isArray(claims.roles) && claims.roles.length === EXPECTED_ASSIGNMENTS,
  `token carries ${EXPECTED_ASSIGNMENTS} roles (got ${claims.roles?.length})`);

// The Graph client sends its token only to the base URL's host and the custom hosts: both the fake.
const client = Client.initWithMiddleware({
  baseUrl: info.graphHost,
  customHosts: new Set([graphHost.host, graphHost.hostname]),
  defaultVersion: "v1.0",
  authProvider: { getAccessToken: async () => (await credential.getToken(tenant.scope)).token },
});

const sp = await client.api(`/servicePrincipals(appId='${tenant.clientId}')`).get();
expect(sp.appId === tenant.clientId, `service principal by appId has appId ${tenant.clientId}`);
expect(sp.id === tenant.servicePrincipalId, `service principal id is ${tenant.servicePrincipalId}`);

const assignments = [];
let pages = 0;
let page = await client.api(`/servicePrincipals/${sp.id}/appRoleAssignments`).top(PAGE_SIZE).get();
for (;;) {
  pages++;
  expect(page.value.length <= PAGE_SIZE, `page ${pages} holds at most ${PAGE_SIZE} assignments (${page.value.length})`);
  assignments.push(...page.value);
  const next = page["@odata.nextLink"];
  if (!next) break;
  expect(new URL(next).host === graphHost.host, `nextLink stays on the fake (${new URL(next).host})`);
  page = await client.api(next).get();
}
expect(assignments.length === EXPECTED_ASSIGNMENTS,
  `paged ${EXPECTED_ASSIGNMENTS} app role assignments (got ${assignments.length} in ${pages} pages)`);
expect(pages === Math.ceil(EXPECTED_ASSIGNMENTS / PAGE_SIZE), `followed @odata.nextLink over ${pages} pages`);
expect(new Set(assignments.map((a) => a.appRoleId)).size === assignments.length, "no assignment is repeated");
expect(assignments.every((a) => a.principalId === sp.id && a.resourceId === tenant.graphServicePrincipalId),
  "every assignment is the backup app's, on Microsoft Graph's service principal");
const granted = new Set(claims.roles);
const roleIds = new Map(); // appRoleId -> value, from the Graph service principal the roles belong to
const graphSp = await client.api(`/servicePrincipals/${tenant.graphServicePrincipalId}`).select("appRoles").get();
for (const role of graphSp.appRoles ?? []) roleIds.set(role.id, role.value);
expect(assignments.every((a) => granted.has(roleIds.get(a.appRoleId))),
  "every assignment is a role the token carries");

const flows = await client.api("/identity/b2cUserFlows").version("beta").get();
const flowIds = flows.value.map((f) => f.id).sort();
expect(JSON.stringify(flowIds) === JSON.stringify(EXPECTED_USER_FLOWS),
  `beta user flows are ${EXPECTED_USER_FLOWS.join(", ")} (got ${flowIds.join(", ")})`);

let v1Status = 200;
try {
  await client.api("/identity/b2cUserFlows").version("v1.0").get();
} catch (e) {
  v1Status = e.statusCode;
}
expect(v1Status >= 400 && v1Status < 500, `v1.0 has no b2cUserFlows, as in Graph (status ${v1Status})`);

if (failures.length > 0) {
  console.error(`node interop: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("node interop: all checks passed");
