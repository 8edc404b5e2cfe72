// Names of the documented operations each screen runs, as written in
// frontend_contract/operations/*.graphql.
export const OPERATIONS = {
  home: "HomeScreen",
  directory: "OpdDirectory",
  opdProfile: "OpdProfile",
  newsDetail: "NewsDetail",
  serviceDetail: "ServiceDetail",
  pageByUrl: "ClientPageByUrl",
  pageFreshness: "PageFreshness",
  search: "Search",
  autocomplete: "Autocomplete",
  reportOutdated: "ReportOutdated",
};
