import { useCallback } from 'react';
import { api, call, type Schemas } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { downloadBlob } from '../rules/transfer';

export type VillagesReport = Schemas['CountyVillagesReport'];
export type VillageFigures = Schemas['VillageFigures'];
export type TownshipFigures = Schemas['TownshipFigures'];
export type TrendMonth = Schemas['TrendMonth'];
export type CategoryFigures = Schemas['CountyCategories']['categories'][number];
export type Signal = Schemas['AnomalySignal'];
export type VillageSummary = Schemas['VillageSummary'];

/** `program` is a program's name: the county's own programs (全县统一) are the ones offered. */
export type ReportFilter = { from: string; to: string; township?: string; program?: string };

/** Everything the dashboard shows for a filter: four reports, fetched together. */
export function useDashboard(countyId: string, filter: ReportFilter) {
  const { from, to, township, program } = filter;
  return useLoad(
    useCallback(async () => {
      const params = { path: { countyId }, query: { from, to, township, program } };
      const [villages, trend, categories, anomalies] = await Promise.all([
        call(api().GET('/api/counties/{countyId}/reports/villages', { params })),
        call(api().GET('/api/counties/{countyId}/reports/trend', { params })),
        call(api().GET('/api/counties/{countyId}/reports/categories', { params })),
        call(api().GET('/api/counties/{countyId}/reports/anomalies', { params })),
      ]);
      return {
        // The route also answers CSV (format=csv); without it, always this JSON.
        villages: villages as VillagesReport,
        trend: trend.trend,
        categories: categories.categories,
        signals: anomalies.signals,
      };
    }, [countyId, from, to, township, program]),
  );
}

export function useVillageSummary(villageId: string, range?: { from: string; to: string }) {
  const from = range?.from;
  const to = range?.to;
  return useLoad(
    useCallback(
      () =>
        call(
          api().GET('/api/villages/{villageId}/reports/summary', {
            params: { path: { villageId }, query: { from, to } },
          }),
        ),
      [villageId, from, to],
    ),
  );
}

/** The API's CSV (UTF-8 with BOM, Chinese headers), saved as a download. */
export async function downloadVillagesCsv(countyId: string, filter: ReportFilter) {
  const { data, response } = await api().GET('/api/counties/{countyId}/reports/villages', {
    params: { path: { countyId }, query: { ...filter, format: 'csv' } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
  downloadBlob(data as Blob, `村级积分对比-${filter.from}-${filter.to}.csv`);
}

type Cell = string | number | null;

/** The same table as an Excel workbook, written in the browser (the library loads only now). */
export async function downloadVillagesXlsx(headers: string[], rows: Cell[][], filter: ReportFilter) {
  const { default: writeExcelFile } = await import('write-excel-file/browser');
  const data = [headers.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows];
  const blob = await writeExcelFile(data, { stickyRowsCount: 1 }).toBlob();
  downloadBlob(blob, `村级积分对比-${filter.from}-${filter.to}.xlsx`);
}
