// Names of the documented operations each screen runs, as written in
// frontend_contract/operations/*.graphql. The Client* ones live in
// client-content.graphql.
export const OPERATIONS = {
  home: "ClientHome",
  directory: "ClientOpdDirectory",
  opdProfile: "ClientOpdProfile",
  newsDetail: "ClientNewsDetail",
  serviceDetail: "ClientServiceDetail",
  pageByUrl: "ClientPageByUrl",
  pageFreshness: "PageFreshness",
  search: "Search",
  autocomplete: "Autocomplete",
  reportOutdated: "ReportOutdated",
};
