# syntax=docker/dockerfile:1
# The deployed shape in containers (README "Containers"):
#   docker build -t ss12000-gateway .                                   # gateway and subgraphs (default target)
#   docker build -t ss12000-demo-producers --target demo-producers .    # the demo producers, a stand-in only
#   docker run ss12000-gateway gateway  --config /app/config/gateway.yaml
#   docker run ss12000-gateway register --config /app/config/gateway.yaml   # or schedule | attendance | grades | changes
# podman/buildah: build with --format docker, else HEALTHCHECK is dropped (OCI image format has none).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency, tsc to dist/, the web pages (GraphiQL) to dist/web with Vite ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
COPY web ./web
RUN npm run build

# --- prod-deps: production dependencies only ---
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- common runtime base: non-root, production, no build tools, no curl ---
FROM ${NODE_IMAGE} AS runtime-base
ENV NODE_ENV=production
WORKDIR /app
# package.json stays: src/config/paths.ts finds the project root (schema/, config/) by it.
COPY --chown=root:root package.json ./
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root docker/healthcheck.js ./docker/healthcheck.js

# --- demo-producers: the four SS 12000 demo producers (a stand-in for the municipality's own) ---
FROM runtime-base AS demo-producers
COPY --from=build --chown=root:root /app/dist/src ./dist/src
# Listen on every interface of the container (the CLI defaults to loopback).
ENV PRODUCERS_HOST=0.0.0.0
USER node
EXPOSE 4101 4102 4103 4104
# Any HTTP answer (401 without a token) means the producer serves; the tokens stay out of the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/app/docker/healthcheck.js", "--any-status", "4101", "4102", "4103", "4104"]
ENTRYPOINT ["node", "dist/src/demo/producers/cli.js"]

# --- runtime: the gateway, the four subgraphs and the change feed's process (default target) ---
FROM runtime-base AS runtime
# dist/src without the demo and without bench/: main.js loads the embedded demo only when it runs
# without a config (the entrypoint always passes one), and subgraph-main.js never does.
COPY --from=build --chown=root:root /app/dist/src ./dist/src
# GraphiQL's built files, served at / (src/gateway/graphiql.ts): nothing is fetched from a CDN.
COPY --from=build --chown=root:root /app/dist/web ./dist/web
RUN rm -rf dist/src/demo dist/src/gateway/embedded.js dist/src/gateway/embedded.js.map dist/src/gateway/embedded.d.ts
COPY --chown=root:root schema ./schema
COPY --chown=root:root config ./config
COPY --chown=root:root docker/entrypoint.sh ./docker/entrypoint.sh
USER node
# Gateway 4000; subgraphs 4001-4004 and the changes process 4005 as in config/gateway.example.yaml and config/gateway.compose.yaml.
EXPOSE 4000 4001 4002 4003 4004 4005
# GET /healthz on HEALTH_PORT (4000, the gateway; a subgraph container sets its own port).
ENV HEALTH_PORT=4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/app/docker/healthcheck.js"]
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gateway"]
