// The reference page: Amplify UI's Authenticator, as a typical app embeds it.
import React from "react";
import { createRoot } from "react-dom/client";
import { Amplify } from "aws-amplify";
import { Authenticator } from "@aws-amplify/ui-react";
import "@aws-amplify/ui-react/styles.css";

Amplify.configure({ Auth: { Cognito: { userPoolId: "eu-west-1_AbCdEf123", userPoolClientId: "7example1client2id3" } } });
createRoot(document.getElementById("root")).render(<Authenticator>{() => <p>signed in</p>}</Authenticator>);
