# One image for every Tribu node. Build: docker build -t tribu .
FROM node:20-bookworm-slim
RUN npm install -g pnpm@10
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
EXPOSE 3000
CMD ["pnpm", "--filter", "@tribu/server", "start"]
