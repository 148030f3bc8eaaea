# Production-like image for docker-compose.yml (not used by the tests).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV APP_ENV=production NODE_ENV=production PORT=3000
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "api/dist/src/main.js"]
