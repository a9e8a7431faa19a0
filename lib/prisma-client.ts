import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Builds a Prisma 7 client on the pg driver adapter. The app uses the single
// cached instance from lib/db.ts; scripts (seed, user admin) call this directly.
export function createPrismaClient(connectionString = process.env.DATABASE_URL): PrismaClient {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}
