// Names of the documented operations each screen runs, as written in
// frontend_contract/operations/*.graphql.
export const OPERATIONS = {
  home: "Home",
  directory: "OpdDirectory",
  opdProfile: "OpdProfile",
  newsList: "NewsList",
  newsDetail: "NewsDetail",
  serviceDetail: "ServiceDetail",
  search: "Search",
  autocomplete: "Autocomplete",
  reportOutdated: "ReportOutdated",
};
