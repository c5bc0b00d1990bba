import { DataSource } from 'typeorm';
import { hashPassword } from '../../common/passwords';
import { dataSourceOptions } from '../data-source';
import { seedCatalogue } from './catalogue';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seedMeetings } from './meetings';
import { seedHistory } from './history';
import { seedWishes } from './wishes';

/** Loads the demo accounts once: does nothing when the demo organizer already exists. */
export async function seedDemo(url: string): Promise<boolean> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const [{ exists }] = await ds.query(
      `SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower($1)) AS exists`,
      [DEMO_ACCOUNTS[0].email],
    );
    // The catalogue (fairs, exhibitors, products, booths) loads after the accounts, once.
    if (exists) {
      const catalogue = await seedCatalogue(ds);
      const meetings = await seedMeetings(ds);
      const history = await seedHistory(ds);
      const wishes = await seedWishes(ds);
      return catalogue.seeded || meetings.seeded || history.seeded || wishes.seeded;
    }
    const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
    await ds.transaction(async (m) => {
      for (const [i, account] of DEMO_ACCOUNTS.entries()) {
        const [user] = await m.query(
          `INSERT INTO users (email, password_hash, full_name, role, locale, email_verified_at)
           VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
          [account.email, hashes[i], account.fullName, account.role, account.locale],
        );
        if (!account.company) continue;
        const [company] = await m.query(
          `INSERT INTO companies (kind, name, country_code, status, reviewed_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
          [account.company.kind, account.company.name, account.company.countryCode, account.company.status],
        );
        await m.query(
          `INSERT INTO company_memberships (company_id, user_id, role) VALUES ($1, $2, 'owner')`,
          [company.id, user.id],
        );
      }
    });
    await seedCatalogue(ds);
    await seedMeetings(ds);
    await seedHistory(ds);
    await seedWishes(ds);
    return true;
  } finally {
    await ds.destroy();
  }
}
