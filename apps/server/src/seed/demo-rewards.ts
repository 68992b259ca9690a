import { rewards, type Db } from '@tribu/db';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The demo shop's rewards catalogue: something within reach of a first chat, and the big gift at 1,000 points. */
export async function seedDemoRewards(tx: Tx, siteId: string): Promise<void> {
  await tx.insert(rewards).values([
    { siteId, name: 'Alpine Threads sticker pack', description: 'Five weatherproof stickers for your bottle and laptop.', cost: 2, stock: null },
    { siteId, name: 'Merino beanie', description: 'Our warmest beanie, in the colour of your choice.', cost: 150, stock: 20 },
    { siteId, name: '20 € voucher', description: 'A code for the shop, valid a year.', cost: 300, stock: null },
    { siteId, name: 'Summit Jacket', description: 'The jacket itself — the thank-you gift at 1,000 points.', cost: 1000, stock: 3 },
    { siteId, name: 'Visit the workshop', description: 'A day in Annecy with the team that designs the collection.', cost: 2000, stock: 2 },
  ]);
}
