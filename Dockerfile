# Kalam: one image for every app; the command picks which (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 KALAM_DATA_DIR=/data
WORKDIR /app
# Uploaded media (and, without DATABASE_URL, the embedded PostgreSQL) live here; mount a volume.
RUN mkdir /data && chown node:node /data
VOLUME /data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/demo ./demo
COPY package.json ./
USER node
EXPOSE 3000 3001
CMD ["node", "--enable-source-maps", "dist/apps/cli/src/main.js", "start"]
