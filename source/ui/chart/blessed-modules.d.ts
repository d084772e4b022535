// blessed and blessed-contrib ship no types; the chart view uses a handful of calls.
declare module 'blessed' {
	const blessed: any;
	export default blessed;
}
declare module 'blessed-contrib' {
	const contrib: any;
	export default contrib;
}
