import { EmptyState, EmptyStateBody, EmptyStateHeader } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router-dom";

/** Shown by the router when a page of the console fails to render. */
export const ErrorPage = () => {
  const { t } = useTranslation();
  const error = useRouteError() as { statusText?: string; message?: string } | undefined;
  return (
    <EmptyState data-testid="error-page">
      <EmptyStateHeader titleText={t("tokenErrorPageTitle")} headingLevel="h1" />
      <EmptyStateBody>{error?.statusText ?? error?.message}</EmptyStateBody>
    </EmptyState>
  );
};
