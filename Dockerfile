# Trợ lý Chi bộ: build in one stage, run as a non-root user in a small one.
# docker build -t tro-ly-chi-bo . && docker run --env-file .env -p 8080:8080 -v chibo-data:/app/data tro-ly-chi-bo

# Node 24 is an LTS line (supported until April 2028) and the newest that better-sqlite3 12 builds
# for; 12 is kept so the README's commands still run on Node 20.19+. `.ci/run` runs the tests on both.
ARG NODE_IMAGE=node:24-bookworm-slim
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM ${NODE_IMAGE} AS run
# A bounded heap with a small young generation and one malloc arena keep the resident size near what
# is live (bench/README.md measures it with the same settings as `npm start`).
ENV NODE_ENV=production NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=8" MALLOC_ARENA_MAX=1
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/locales ./locales
COPY --from=build --chown=node:node /app/package.json ./package.json
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The bot applies pending migrations itself before it starts (src/infra/prisma/migrate.ts);
# `node dist/scripts/db.js deploy` does only that, for a separate release step.
CMD ["node", "dist/src/main.js"]
