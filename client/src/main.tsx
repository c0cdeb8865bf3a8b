import { render } from "solid-js/web";
import { Provider } from "@urql/solid";
import { client } from "./graphql/client.ts";
import { SessionProvider } from "./session/session.tsx";
import { App } from "./App.tsx";
import "./styles.css";

render(
  () => (
    <Provider value={client}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </Provider>
  ),
  document.getElementById("root")!,
);
