#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here. `prisma generate`
# only checks that an engine file exists and never runs it. Anything that does run it must fail
# loudly instead of reporting success without doing the work.
echo "The native Prisma schema engine is not installed. Use npm run db:create / db:deploy / db:status (scripts/db.ts)." >&2
exit 1
