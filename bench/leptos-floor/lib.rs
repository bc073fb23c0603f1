//! A bare Leptos form: the floor of any Leptos UI in bytes (see Cargo.toml).
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[component]
fn Form() -> impl IntoView {
    let (code, set_code) = signal(String::new());
    let (state, set_state) = signal("idle");
    view! {
        <form on:submit=move |e| { e.prevent_default(); set_state.set("submitting"); }>
            <label for="code">"Confirmation code"</label>
            <input id="code" name="code" prop:value=code on:input=move |e| set_code.set(event_target_value(&e)) />
            <button type="submit">"Confirm"</button>
            <p role="status">{move || state.get()}</p>
        </form>
    }
}

#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(Form);
}
