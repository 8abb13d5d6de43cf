# Multi-stage build: the SPA (wasm) and the API in a Rust image, then a small runtime image.
FROM rust:1-bookworm AS build
RUN rustup target add wasm32-unknown-unknown \
 && apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo xtask build-web && cargo build --release --package ttis-api

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /data --shell /usr/sbin/nologin ttis && mkdir -p /data && chown ttis /data
COPY --from=build /src/target/release/ttis-api /usr/local/bin/ttis-api
COPY --from=build /src/web/dist /app/web
ENV TTIS_WEB_DIR=/app/web TTIS_DATA_DIR=/data TTIS_BIND=0.0.0.0:8080 TTIS_MODE=production
VOLUME /data
USER ttis
EXPOSE 8080
HEALTHCHECK CMD ["ttis-api", "healthcheck"]
ENTRYPOINT ["ttis-api"]
CMD ["serve"]
