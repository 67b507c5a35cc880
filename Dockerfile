# Builds the single executable and ships it on a small base image.
FROM oven/bun:1.4.5 AS build
WORKDIR /src
COPY package.json bun.lock bunfig.toml ./
RUN bun install --frozen-lockfile
COPY . .
RUN bun run build

FROM debian:bookworm-slim
RUN useradd --system --home /var/lib/waddleai --create-home waddleai
COPY --from=build /src/dist/waddleai /usr/local/bin/waddleai
USER waddleai
WORKDIR /var/lib/waddleai
ENV HOST=0.0.0.0 WADDLEAI_DATA_DIR=/var/lib/waddleai/data
EXPOSE 8000 8001
HEALTHCHECK --interval=10s --timeout=3s CMD ["/usr/local/bin/waddleai", "version"]
ENTRYPOINT ["/usr/local/bin/waddleai"]
CMD ["serve"]
