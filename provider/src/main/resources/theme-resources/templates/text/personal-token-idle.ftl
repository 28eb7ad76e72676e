<#ftl output_format="plainText">
<#-- Plain text: nothing here is rendered as markup, so values are printed as they are. -->
${msg("personal-token-idle.intro")}

${tokenName} (${tokenHint})
<#if deadline??>
${msg("personal-token-idle.deadline", deadline, deadlineUtc)}
</#if>

${msg("personal-token-idle.action")}

${msg("personal-token.accountLink")}: ${accountUrl}

${msg("personal-token.noSecret")}
