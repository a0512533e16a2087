// Where the project's files are, whether running from src/ (tsx) or dist/ (compiled).
import path from "node:path";
import { projectRoot } from "./prisma/migrate.ts";

export const localesDir = path.join(projectRoot, "locales");
export { projectRoot };
