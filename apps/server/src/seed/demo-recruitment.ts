import { eq, sql } from 'drizzle-orm';
import { applications, memberships, sites, users, type Db } from '@tribu/db';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Person = { id: string; email: string };

const ago = (days: number) => new Date(Date.now() - days * 86_400_000);

export const DEMO_APPLICATION_QUESTIONS = ['Which Alpine Threads products do you use, and for what?', 'When are you usually free to answer (days, times)?'];

/**
 * Recruitment in the demo: the site's two questions, applications waiting (new, shortlisted), one
 * declined, and the demo newcomer's accepted application (so the funnel shows someone joining).
 */
export async function seedDemoRecruitment(tx: Tx, siteId: string, people: Person[]): Promise<void> {
  await tx
    .update(sites)
    .set({ settings: sql`${sites.settings} || jsonb_build_object('applicationQuestions', ${JSON.stringify(DEMO_APPLICATION_QUESTIONS)}::jsonb)` })
    .where(eq(sites.id, siteId));
  const manager = people.find((p) => p.email === 'manager@demo.tribu')?.id ?? null;
  const [newcomer] = await tx
    .select({ id: users.id, name: users.displayName, joined: memberships.createdAt })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, 'newcomer@demo.tribu'))
    .limit(1);
  const answers = (a: string, b: string) => [
    { question: DEMO_APPLICATION_QUESTIONS[0]!, answer: a },
    { question: DEMO_APPLICATION_QUESTIONS[1]!, answer: b },
  ];
  await tx.insert(applications).values([
    {
      siteId,
      name: 'Lucía Fernández',
      email: 'lucia.fernandez@example.com',
      languages: ['es', 'en'],
      why: 'I answer questions about gear on two hiking forums already. I would love to do it for a brand I actually trust.',
      experience: 'Customer since 2021: Summit Jacket, two merino base layers and the 35 L pack.',
      answers: answers('The Summit Jacket on winter walks in the Picos de Europa, merino layers for ski touring.', 'Weekday evenings and Sunday mornings.'),
      createdAt: ago(2),
    },
    {
      siteId,
      name: 'Tom Becker',
      email: 'tom.becker@example.com',
      languages: ['de', 'en'],
      why: 'Your sizing advice saved me a return once. Happy to pass that on to other people who hesitate.',
      experience: 'Two orders, both jackets.',
      answers: answers('Rain shell for commuting by bike, fleece for weekends.', 'Lunch breaks, Monday to Friday.'),
      createdAt: ago(0.2),
    },
    {
      siteId,
      name: 'Inès Marchand',
      email: 'ines.marchand@example.com',
      languages: ['fr'],
      why: "J'adore la marque et je suis vendeuse dans un magasin de randonnée : j'ai l'habitude de conseiller.",
      experience: 'Cliente depuis 2018, une dizaine de produits.',
      answers: answers('Les chaussettes de trail et la veste Summit.', 'Le soir après 19 h.'),
      status: 'shortlisted',
      decidedBy: manager,
      decidedAt: ago(4),
      createdAt: ago(6),
    },
    {
      siteId,
      name: 'Quick Deals Ltd',
      email: 'growth@quickdeals.example',
      languages: ['en'],
      why: 'We can promote our own discount codes to your visitors while answering their questions.',
      experience: '',
      answers: answers('None yet.', 'Any time.'),
      status: 'rejected',
      decisionMessage: 'Thank you for your interest. Helpers are customers who answer out of passion, so we cannot welcome promotions.',
      decidedBy: manager,
      decidedAt: ago(18),
      createdAt: ago(20),
    },
    ...(newcomer
      ? [
          {
            siteId,
            name: newcomer.name,
            email: 'newcomer@demo.tribu',
            languages: ['fr', 'en'],
            why: 'I sew my own bivvy bags and spend every weekend outdoors; I like explaining fabrics and fits.',
            experience: 'Summit Jacket and a 20 L daypack.',
            answers: answers('The daypack for via ferrata, the jacket for everything else.', 'Weekends.'),
            status: 'accepted' as const,
            decidedBy: manager,
            decidedAt: new Date(newcomer.joined.getTime() - 86_400_000),
            userId: newcomer.id,
            createdAt: new Date(newcomer.joined.getTime() - 3 * 86_400_000),
          },
        ]
      : []),
  ]);
}
