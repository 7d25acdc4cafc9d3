/**
 * The shared skills taxonomy. Not from a source document: the families are the ones the issue
 * names (networks, servers, storage, security, named applications such as Oracle or Avaya) and a
 * few skills within each that an ICT support team is commonly asked for.
 */
export const supportSkillTaxonomy = [
  { code: 'networks', name: 'Networks (routing and switching)', category: 'networks' },
  { code: 'firewalls', name: 'Firewalls', category: 'networks' },
  { code: 'wireless', name: 'Wireless networks', category: 'networks' },
  { code: 'servers', name: 'Servers', category: 'servers' },
  { code: 'virtualisation', name: 'Virtualisation', category: 'servers' },
  { code: 'storage', name: 'Storage', category: 'storage' },
  { code: 'backup', name: 'Backup and restore', category: 'storage' },
  { code: 'security', name: 'Information security', category: 'security' },
  { code: 'oracle', name: 'Oracle', category: 'applications' },
  { code: 'avaya', name: 'Avaya', category: 'telephony' },
  { code: 'microsoft-exchange', name: 'Microsoft Exchange', category: 'applications' },
  { code: 'active-directory', name: 'Active Directory', category: 'servers' },
  { code: 'sql-server', name: 'SQL Server', category: 'databases' },
  { code: 'desktop-support', name: 'Desktop support', category: 'end_user_computing' },
] as const;
