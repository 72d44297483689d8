import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasPermission, PERMISSIONS } from './permissions';
import { renderPermissionMatrix, withMatrix } from './matrix-doc';
import { ALL_ROLES } from './roles';

describe('the permission matrix in the README', () => {
  it('is the one the code enforces (run npm run docs:matrix after changing permissions.ts)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(withMatrix(readme)).toBe(readme);
  });

  it('lists every permission and every role', () => {
    const doc = renderPermissionMatrix();
    for (const role of ALL_ROLES) expect(doc).toContain(`\`${role}\``);
    for (const [area, perms] of Object.entries(PERMISSIONS)) {
      for (const name of Object.keys(perms)) expect(doc).toContain(`\`${area}.${name}\``);
    }
  });
});

describe('the matrix keeps its confidentiality rules', () => {
  it('HR, the People board and national analysts hold no permission to read a case', () => {
    const caseReads = ['referral.read', 'referral.managerView', 'trauma.trim', 'trauma.readIncident', 'trauma.exposure', 'trauma.surveillance', 'retention.retention', 'retention.welfare'] as const;
    for (const role of ['hr', 'people_board', 'national_analyst']) {
      for (const p of caseReads) expect([role, p, hasPermission(role, p)]).toEqual([role, p, false]);
    }
  });

  it('TRiM records are for TRiM roles, welfare contacts for WLOs and the head of wellbeing', () => {
    expect(PERMISSIONS.trauma.trim).toEqual(['trim_practitioner', 'trim_coordinator']);
    expect(PERMISSIONS.retention.welfare).toEqual(['welfare_liaison_officer', 'head_of_wellbeing']);
    expect(PERMISSIONS.referral.clinical).not.toContain('oh_admin');
  });

  it('only force administrators read the audit trail or erase', () => {
    expect(PERMISSIONS.audit.read).toEqual(['force_admin']);
    expect(PERMISSIONS.personalData.erase).toEqual(['force_admin']);
  });
});
