# cognito-confirm: `make demo` and `make test` are all a new machine needs.
.PHONY: demo test bootstrap build pack lint test-host test-browser test-e2e fuzz screenshots bench clean

demo: build
	node scripts/demo.mjs

test:
	scripts/test.sh

bootstrap:
	scripts/bootstrap.sh

build: bootstrap
	scripts/build.sh

pack: bootstrap
	scripts/pack.sh

lint:
	cargo fmt --all --check
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --all-targets --locked --features ssr -- -D warnings
	cargo clippy --all-targets --locked --features csr --target wasm32-unknown-unknown -- -D warnings

test-host: bootstrap
	cargo test --locked

test-browser: bootstrap
	CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome --mode no-install -- --features csr
	CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome --mode no-install -- --no-default-features --features csr,locales --test web
	CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome --mode no-install -- --features hydrate --test hydrate
	GECKODRIVER=$$(command -v geckodriver) wasm-pack test --headless --firefox --mode no-install -- --features csr

test-e2e: pack
	node --test tests/e2e/

screenshots: pack
	node scripts/screenshots.mjs screenshots

bench: build
	node bench/bench.mjs

fuzz: bootstrap
	scripts/fuzz.sh 10000000

clean:
	rm -rf pkg target node_modules
