import { EmptyState, EmptyStateBody, EmptyStateHeader } from "@patternfly/react-core";
import { useRouteError } from "react-router-dom";

export const ErrorPage = () => {
  const error = useRouteError() as { statusText?: string; message?: string } | undefined;
  return (
    <EmptyState>
      <EmptyStateHeader titleText="Something went wrong" headingLevel="h1" />
      <EmptyStateBody>{error?.statusText ?? error?.message}</EmptyStateBody>
    </EmptyState>
  );
};
