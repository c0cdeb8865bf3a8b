import { render } from "solid-js/web";
import { Provider } from "@urql/solid";
import { client } from "./graphql/client.ts";
import { App } from "./App.tsx";
import "./styles.css";

render(
  () => (
    <Provider value={client}>
      <App />
    </Provider>
  ),
  document.getElementById("root")!,
);
