/** The map's own colours, apart from style.ts so the server-rendered legend does not pull the map's code into every page. */
export const COLOURS = {
	outside: '#e4e2dc',
	communeFill: '#fbfaf6',
	communeLine: '#222222',
	irisLine: '#8c8c8c',
	grandQuartierLine: '#5c5c5c',
	qpvLine: '#3d3d3d',
	qpvHatch: '#5a5a5a',
	street: '#cfcfcf',
	label: '#333333',
	halo: '#ffffff',
	cluster: '#1f2937',
	clusterInk: '#ffffff',
	pointLine: '#000000',
	selected: '#000000',
	hover: '#1f2937'
} as const;
