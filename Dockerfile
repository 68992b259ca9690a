# One image for every Tribu node. Build: docker build -t tribu .
FROM node:20-bookworm-slim
RUN npm install -g pnpm@10
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
EXPOSE 3000
# Node itself is the process (not pnpm), so SIGTERM from `docker stop` reaches Tribu's graceful
# shutdown: stop accepting, tell clients, drain in-flight messages, exit (compose: stop_grace_period).
WORKDIR /app/apps/server
CMD ["node", "--import", "tsx", "src/main.ts"]
