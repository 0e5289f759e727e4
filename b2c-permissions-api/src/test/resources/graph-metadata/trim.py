#!/usr/bin/env python3
"""Writes the trimmed copies of Microsoft's permission files that PermissionProfileTest reads.

Usage: python3 trim.py <dir with permissions.json and provisioningInfo.json> <commit>
Keeps the permissions of privilege-tiers.tsv (in the folder above) only, as tab-separated rows:
provisioningInfo-trimmed.tsv gets their Application deployments (value, environment, id);
permissions-trimmed.tsv gets their Application privilegeLevel and, from the Application path sets,
the (method, path) pairs that profile-paths.tsv names. Values are copied unchanged.
"""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
src, commit = sys.argv[1], sys.argv[2]
roles = [l.split('\t')[0] for l in open(os.path.join(here, '..', 'privilege-tiers.tsv'))
         if not l.startswith('#') and not l.startswith('value\t')]
calls = set()
for l in open(os.path.join(here, '..', 'profile-paths.tsv')):
    if l.startswith('#') or l.startswith('kind\t'):
        continue
    f = l.rstrip('\n').split('\t')
    calls.add((f[3], f[4].lower()))

perms = json.load(open(os.path.join(src, 'permissions.json')))['permissions']
with open(os.path.join(here, 'permissions-trimmed.tsv'), 'w') as out:
    out.write('# from microsoftgraph/microsoft-graph-devx-content permissions/new/permissions.json, commit %s; see SOURCES.md\n' % commit)
    out.write('value\tprivilegeLevel\tmethod\tpath\tleast\n')
    for r in roles:
        p = perms.get(r)
        if p is None or 'Application' not in p['schemes']:
            continue
        level = p['schemes']['Application']['privilegeLevel']
        out.write('%s\t%s\t\t\t\n' % (r, level))
        for ps in p['pathSets']:
            if 'Application' not in ps['schemeKeys']:
                continue
            for m in ps['methods']:
                for k, v in ps['paths'].items():
                    if (m, k.lower()) in calls:
                        out.write('%s\t%s\t%s\t%s\t%s\n' % (r, level, m, k, v))

prov = json.load(open(os.path.join(src, 'provisioningInfo.json')))['permissionDeployments']
with open(os.path.join(here, 'provisioningInfo-trimmed.tsv'), 'w') as out:
    out.write('# from microsoftgraph/microsoft-graph-devx-content permissions/new/provisioningInfo.json, commit %s; see SOURCES.md\n' % commit)
    out.write('value\tscheme\tenvironment\tid\n')
    for r in roles:
        for d in prov.get(r, []):
            if d['scheme'] == 'Application':
                out.write('%s\t%s\t%s\t%s\n' % (r, d['scheme'], d['environment'], d['id']))
